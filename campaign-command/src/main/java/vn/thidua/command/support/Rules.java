package vn.thidua.command.support;

import vn.thidua.domain.shared.Codes;
import vn.thidua.domain.shared.InvalidValue;
import vn.thidua.domain.shared.RuleViolation;

/** Small guards that read as the rule they enforce. */
public final class Rules {
    private Rules() {
    }

    public static void require(boolean condition, String rule, String message) {
        if (!condition) {
            throw new RuleViolation(rule, message);
        }
    }

    public static void validCode(String field, String code) {
        if (!Codes.isCode(code)) {
            throw new InvalidValue(field, "invalid-code", "'" + code + "' is not a valid code: " + Codes.PATTERN);
        }
    }

    public static void notBlank(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValue(field, "required", "must not be blank");
        }
    }
}
