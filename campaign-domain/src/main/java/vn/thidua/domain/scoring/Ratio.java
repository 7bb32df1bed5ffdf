package vn.thidua.domain.scoring;

import vn.thidua.domain.campaign.Direction;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How far a unit got relative to its target: 1 at target, more when better. Never negative; "unbounded" when
 * the unit is strictly better than a target it cannot be divided by (see {@link LeagueTableCalculator}).
 */
record Ratio(BigDecimal value, boolean unbounded) {
    static final Ratio ZERO = new Ratio(BigDecimal.ZERO, false);
    static final Ratio ONE = new Ratio(BigDecimal.ONE, false);
    static final Ratio UNBOUNDED = new Ratio(null, true);

    static Ratio of(BigDecimal actual, BigDecimal target, Direction direction) {
        return direction == Direction.LOWER_IS_BETTER ? of(target, actual) : of(actual, target);
    }

    /**
     * The ratio num/den, read as "higher num is better than den". A negative den flips the sense of the
     * division, so both-negative pairs use den/num (the magnitudes, scored the other way round).
     */
    static Ratio of(BigDecimal num, BigDecimal den) {
        int n = num.signum();
        int d = den.signum();
        if (d > 0) {
            return n <= 0 ? ZERO : new Ratio(num.divide(den, MathContext.DECIMAL64), false);
        }
        if (d == 0) {
            return n == 0 ? ONE : n > 0 ? UNBOUNDED : ZERO;
        }
        return n >= 0 ? UNBOUNDED : new Ratio(den.divide(num, MathContext.DECIMAL64), false);
    }
}
