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

/**
 * Turns what the write side refuses into form errors in the reader's language: a {@link RuleViolation} as
 * {@code rule.<name>}, an {@link InvalidValue} as {@code field.<code>} next to the field it names, a Bean
 * Validation violation of the REST body as {@code field.<constraint>}. Everything else (403, 404, failures) is
 * rethrown for {@code UiErrors}.
 */
public final class Refusals {
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
            if (field != null) {
                errors.field(field, key(v), v.arguments());
            } else {
                errors.global(key(v), v.arguments());
            }
        } else {
            throw e;
        }
    }

    /** The message key of an {@link InvalidValue}: {@code field.<code>}, its arguments the problem's own. */
    public static String key(InvalidValue v) {
        return "field." + v.code();
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
