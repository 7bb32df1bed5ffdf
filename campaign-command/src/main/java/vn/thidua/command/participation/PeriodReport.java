package vn.thidua.command.participation;

import java.math.BigDecimal;
import java.util.Map;

/** What the aggregate remembers of one period's report: the values as last submitted, and their verification. */
record PeriodReport(Map<String, BigDecimal> values, Status status, Map<String, BigDecimal> countedValues) {
    enum Status { SUBMITTED, VERIFIED, REJECTED }

    static PeriodReport submitted(Map<String, BigDecimal> values) {
        return new PeriodReport(values, Status.SUBMITTED, null);
    }
}
