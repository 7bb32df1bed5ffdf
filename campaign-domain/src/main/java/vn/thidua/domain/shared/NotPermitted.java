package vn.thidua.domain.shared;

/**
 * A command refused because its actor may not give it (answered 403, nothing recorded), decided where the rule
 * lives: by the aggregate, with the stable rule name a {@link RuleViolation} carries.
 */
public class NotPermitted extends RuleViolation {
    public NotPermitted(String rule, String message) {
        super(rule, message);
    }
}
