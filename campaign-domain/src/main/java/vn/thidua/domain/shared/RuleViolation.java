package vn.thidua.domain.shared;

/**
 * A command refused by a business rule or by the state of an aggregate. The {@code rule} is a stable
 * machine-readable name (for example {@code pledge.below-floor}) that clients and the UI map to messages;
 * the message is a human-readable English sentence naming the rule.
 */
public class RuleViolation extends RuntimeException {
    private final String rule;

    public RuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
