package vn.thidua.command.participation;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What the aggregate remembers of one period's report: the values as last submitted, their verification, whether
 * the first submission was late, how often it was corrected, and the latest reason or verifier's comment.
 */
record PeriodReport(Map<String, BigDecimal> values, Status status, Map<String, BigDecimal> countedValues,
                    boolean late, int corrections, String comment) {
    enum Status { SUBMITTED, VERIFIED, REJECTED }

    static PeriodReport submitted(Map<String, BigDecimal> values, boolean late) {
        return new PeriodReport(values, Status.SUBMITTED, null, late, 0, null);
    }

    PeriodReport corrected(Map<String, BigDecimal> newValues, String reason) {
        return new PeriodReport(newValues, Status.SUBMITTED, null, late, corrections + 1, reason);
    }

    PeriodReport verified(Map<String, BigDecimal> counted, String verifierComment) {
        return new PeriodReport(values, Status.VERIFIED, counted, late, corrections, verifierComment);
    }

    PeriodReport rejected(String verifierComment) {
        return new PeriodReport(values, Status.REJECTED, null, late, corrections, verifierComment);
    }
}
