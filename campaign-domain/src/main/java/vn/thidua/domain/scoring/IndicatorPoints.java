package vn.thidua.domain.scoring;

import java.math.BigDecimal;
import java.math.MathContext;

/** The per-indicator formulas of {@link LeagueTableCalculator}, unrounded. Null values have been ruled out. */
final class IndicatorPoints {
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private IndicatorPoints() {
    }

    static BigDecimal ratioCapped(Ratio r, BigDecimal weight, BigDecimal cap) {
        BigDecimal factor = r.unbounded() ? cap : r.value().min(cap);
        return weight.multiply(factor.max(BigDecimal.ZERO));
    }

    /** {@code bestFinite} is the highest bounded ratio among the units, or null if there is none. */
    static BigDecimal leaderInterpolated(Ratio r, BigDecimal weight, BigDecimal bestFinite) {
        if (r.unbounded()) {
            return weight;
        }
        BigDecimal half = weight.multiply(HALF);
        int vsTarget = r.value().compareTo(BigDecimal.ONE);
        if (vsTarget < 0) {
            return half.multiply(r.value());
        }
        if (vsTarget == 0) {
            return half;
        }
        if (r.value().compareTo(bestFinite) >= 0) {
            return weight;
        }
        BigDecimal share = r.value().subtract(BigDecimal.ONE)
                .divide(bestFinite.subtract(BigDecimal.ONE), MathContext.DECIMAL64);
        return half.add(half.multiply(share));
    }

    static BigDecimal qualitative(BigDecimal value, BigDecimal weight) {
        return value.compareTo(BigDecimal.ONE) == 0 ? weight : BigDecimal.ZERO;
    }

    static BigDecimal count(BigDecimal value, BigDecimal weight, BigDecimal pointsPerItem) {
        BigDecimal points = value.max(BigDecimal.ZERO).multiply(pointsPerItem);
        return points.min(weight).max(BigDecimal.ZERO);
    }

    static BigDecimal adjustment(BigDecimal value, BigDecimal weight, BigDecimal pointsPerItem) {
        BigDecimal bound = weight.abs();
        return value.multiply(pointsPerItem).min(bound).max(bound.negate());
    }
}
