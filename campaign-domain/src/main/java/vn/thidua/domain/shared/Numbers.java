package vn.thidua.domain.shared;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The product's one numeric range: every number a command may carry, every store, read model and JSON reader can
 * hold. At most {@value #MAX_DIGITS} significant digits, at most {@value #MAX_DECIMALS} decimal places, and less
 * than 10^{@value #MAX_INTEGER_DIGITS} in absolute value. The read models keep DECIMAL(30, 8); the event JSON is
 * written in plain form, so a number outside this range (1e-1000, 1e25) would be stored as a string of digits no
 * reader accepts.
 *
 * <p>The check looks only at precision and scale before anything else: a number such as 1e999999999 is cheap to
 * hold but costs minutes (or the heap) to print or rescale, so nothing may touch it before it is refused.
 */
public final class Numbers {
    public static final int MAX_DIGITS = 15;
    public static final int MAX_DECIMALS = 6;
    public static final int MAX_INTEGER_DIGITS = 12;

    private Numbers() {
    }

    /** The number's problem, if it has one: empty when it is within the range. */
    public static Optional<InvalidValue> problem(String field, BigDecimal value) {
        if (value == null || value.signum() == 0) {
            return Optional.empty();
        }
        // Integer digits from precision and scale alone (long: a scale may be near Integer.MIN_VALUE).
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            return Optional.of(new InvalidValue(field, "number.too-large",
                    "is too large: a number must be less than 10^" + MAX_INTEGER_DIGITS + " in absolute value",
                    MAX_INTEGER_DIGITS));
        }
        if (value.scale() > MAX_DECIMALS + (long) MAX_DIGITS + MAX_INTEGER_DIGITS) {
            // Far too many decimals to be trailing zeros of an acceptable number: refused without stripping them.
            return Optional.of(tooManyDecimals(field));
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > MAX_DECIMALS) {
            return Optional.of(tooManyDecimals(field));
        }
        if (stripped.precision() > MAX_DIGITS) {
            return Optional.of(new InvalidValue(field, "number.too-precise",
                    "has more than " + MAX_DIGITS + " significant digits", MAX_DIGITS));
        }
        return Optional.empty();
    }

    public static boolean acceptable(BigDecimal value) {
        return problem("", value).isEmpty();
    }

    /** Refuses a number outside the range, naming the field. */
    public static BigDecimal check(String field, BigDecimal value) {
        Optional<InvalidValue> problem = problem(field, value);
        if (problem.isPresent()) {
            throw problem.get();
        }
        return value;
    }

    private static InvalidValue tooManyDecimals(String field) {
        return new InvalidValue(field, "number.too-many-decimals",
                "has more than " + MAX_DECIMALS + " decimal places", MAX_DECIMALS);
    }
}
