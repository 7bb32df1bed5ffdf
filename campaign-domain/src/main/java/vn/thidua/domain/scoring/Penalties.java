package vn.thidua.domain.scoring;

import vn.thidua.domain.campaign.Period;
import vn.thidua.domain.campaign.ScoringRules;
import vn.thidua.domain.shared.Deadlines;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The points deducted from one unit's total for how it reported (see {@link LeagueTableCalculator}). */
final class Penalties {
    private Penalties() {
    }

    static BigDecimal of(ScoringRules rules, List<Period> periods, UnitSubmissions unit, Instant asOf) {
        int late = 0;
        int rejected = 0;
        int missing = 0;
        for (Period period : periods) {
            PeriodReport report = unit == null ? null : unit.report(period.code());
            if (report == null) {
                if (Deadlines.passed(period.dueDate(), asOf)) {
                    missing++;
                }
                continue;
            }
            if (report.late()) {
                late++;
            }
            if (report.status() == ReportStatus.REJECTED) {
                rejected++;
            }
        }
        return per(rules.latePenalty(), late)
                .add(per(rules.rejectedPenalty(), rejected))
                .add(per(rules.missingPenalty(), missing));
    }

    /** A penalty is a deduction however it was signed when the rules were written. */
    private static BigDecimal per(BigDecimal penalty, int times) {
        return penalty == null || times == 0 ? BigDecimal.ZERO : penalty.abs().multiply(BigDecimal.valueOf(times));
    }
}
