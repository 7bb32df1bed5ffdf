package vn.thidua.domain.campaign;

import java.math.BigDecimal;

/**
 * A published, versioned scoring rule set. Penalties are points deducted from a unit's total: per late
 * period report, per due period without a report, per rejected period report.
 */
public record ScoringRules(int version, ScoringMethod method, BigDecimal cap, BigDecimal latePenalty,
                           BigDecimal missingPenalty, BigDecimal rejectedPenalty) {

    public static ScoringRules defaults() {
        return new ScoringRules(1, ScoringMethod.RATIO_CAPPED, new BigDecimal("1.2"), BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO);
    }
}
