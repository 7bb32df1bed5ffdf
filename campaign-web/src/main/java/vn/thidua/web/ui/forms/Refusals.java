package vn.thidua.web.ui.forms;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.axonframework.commandhandling.CommandExecutionException;
import vn.thidua.domain.shared.InvalidValue;
import vn.thidua.domain.shared.RuleViolation;

import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what the write side refuses into form errors in the reader's language: a {@link RuleViolation} as
 * {@code rule.<name>}, an {@link InvalidValue} as {@code field.<problem>} next to the field it names, a Bean
 * Validation violation of the REST body as {@code field.<constraint>}. Everything else (403, 404, failures) is
 * rethrown for {@code UiErrors}.
 */
final class Refusals {
    private static final Pattern BELOW_MIN = Pattern.compile("is below the minimum (\\S+)");
    private static final Pattern ABOVE_MAX = Pattern.compile("is above the maximum (\\S+)");

    private Refusals() {
    }

    /** The domain exception behind an Axon wrapper, or the exception itself. */
    static RuntimeException unwrap(RuntimeException e) {
        if (e instanceof CommandExecutionException && e.getCause() instanceof RuntimeException cause) {
            return cause;
        }
        return e;
    }

    /**
     * Records a refusal; rethrows anything that is not one.
     *
     * @param fieldOf maps a domain field path (e.g. {@code targets.TANG_TRUONG}) to the form's field path, or null
     *                when the form has no such field (the error is then shown for the form)
     * @param ruleField maps a rule name to the form field it concerns, or null
     */
    static void record(RuntimeException thrown, FormErrors errors, Function<String, String> fieldOf,
                       Function<String, String> ruleField) {
        RuntimeException e = unwrap(thrown);
        if (e instanceof RuleViolation r) {
            String field = ruleField == null ? null : ruleField.apply(r.rule());
            if (field != null) {
                errors.field(field, "rule." + r.rule());
            } else {
                errors.global("rule." + r.rule());
            }
        } else if (e instanceof InvalidValue v) {
            String field = fieldOf == null ? v.field() : fieldOf.apply(v.field());
            Object[] problem = problem(v.getMessage());
            Object[] args = java.util.Arrays.copyOfRange(problem, 1, problem.length);
            if (field != null) {
                errors.field(field, (String) problem[0], args);
            } else {
                errors.global((String) problem[0], args);
            }
        } else {
            throw e;
        }
    }

    /** The message key (and its arguments) for an {@link InvalidValue}'s English message. */
    static Object[] problem(String message) {
        String m = message == null ? "" : message;
        Matcher below = BELOW_MIN.matcher(m);
        if (below.find()) {
            return new Object[]{"field.below-min", below.group(1)};
        }
        Matcher above = ABOVE_MAX.matcher(m);
        if (above.find()) {
            return new Object[]{"field.above-max", above.group(1)};
        }
        if (m.contains("yes/no indicator's floor")) {
            return new Object[]{"field.yes-no-floor"};
        }
        if (m.contains("yes/no")) {
            return new Object[]{"field.yes-no"};
        }
        if (m.contains("count cannot be negative")) {
            return new Object[]{"field.count-negative"};
        }
        if (m.contains("whole number")) {
            return new Object[]{"field.count-whole"};
        }
        if (m.contains("has no indicator")) {
            return new Object[]{"field.unknown-indicator"};
        }
        if (m.contains("no values given")) {
            return new Object[]{"field.no-values"};
        }
        if (m.contains("not a valid code")) {
            return new Object[]{"field.invalid-code"};
        }
        if (m.contains("not a valid id")) {
            return new Object[]{"field.invalid-id"};
        }
        if (m.contains("between 2000 and 2100")) {
            return new Object[]{"field.year-range"};
        }
        if (m.contains("greater than max")) {
            return new Object[]{"field.min-above-max"};
        }
        if (m.contains("QUANTITATIVE indicators only")) {
            return new Object[]{"field.direction-quantitative-only"};
        }
        if (m.contains("required for ADJUSTMENT")) {
            return new Object[]{"field.points-per-item-required"};
        }
        if (m.contains("1 or more")) {
            return new Object[]{"field.version-min"};
        }
        if (m.contains("must be positive")) {
            return new Object[]{"field.positive"};
        }
        if (m.contains("must not be negative")) {
            return new Object[]{"field.non-negative"};
        }
        if (m.contains("rejection cannot fix")) {
            return new Object[]{"field.rejection-no-fixes"};
        }
        if (m.contains("ballot")) {
            return new Object[]{"field.ballot-invalid"};
        }
        if (m.contains("JSON number")) {
            return new Object[]{"field.not-a-number"};
        }
        if (m.contains("required") || m.contains("blank")) {
            return new Object[]{"field.required"};
        }
        return new Object[]{"field.invalid"};
    }

    /** Validates a REST body with its own constraints (Bodies), as the REST API does; paths are the body's. */
    static <T> void validate(Validator validator, T body, FormErrors errors, Function<String, String> fieldOf) {
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        violations.stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString())).forEach(v -> {
            String path = v.getPropertyPath().toString();
            String field = fieldOf == null ? path : fieldOf.apply(path);
            String constraint = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            Map<String, Object> attrs = v.getConstraintDescriptor().getAttributes();
            String key;
            Object[] args = {};
            switch (constraint) {
                case "NotBlank", "NotNull", "NotEmpty" -> key = "field.required";
                case "Pattern" -> key = path.endsWith("campaignId") ? "field.invalid-id" : "field.invalid-code";
                case "Size" -> {
                    key = "field.too-long";
                    args = new Object[]{attrs.get("max")};
                }
                case "Min" -> {
                    key = "field.min";
                    args = new Object[]{attrs.get("value")};
                }
                case "Max" -> {
                    key = "field.max";
                    args = new Object[]{attrs.get("value")};
                }
                default -> key = "field.invalid";
            }
            if (field != null) {
                errors.field(field, key, args);
            } else {
                errors.global(key, args);
            }
        });
    }
}
