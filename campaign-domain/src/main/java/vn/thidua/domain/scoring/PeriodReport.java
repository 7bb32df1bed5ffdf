package vn.thidua.domain.scoring;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One unit's report for one period as it stands after its events: what scoring counts, what the write side
 * compares a new submission against, and what a page shows.
 *
 * @param reported    the latest self-reported values (submission or correction)
 * @param verified    the values the verifier fixed as counted, or null unless {@link ReportStatus#VERIFIED}
 * @param status      where the report stands
 * @param late        whether the first submission for the period was late; corrections never change it
 * @param corrections how often the report was corrected after its first submission
 * @param comment     the latest correction's reason or verifier's comment, or null
 */
public record PeriodReport(Map<String, BigDecimal> reported, Map<String, BigDecimal> verified, ReportStatus status,
                           boolean late, int corrections, String comment) {

    public PeriodReport {
        Objects.requireNonNull(reported, "reported");
        Objects.requireNonNull(status, "status");
        if ((status == ReportStatus.VERIFIED) != (verified != null)) {
            throw new IllegalArgumentException("verified values go with, and only with, status VERIFIED");
        }
    }

    /** A report never corrected and with no comment. */
    public PeriodReport(Map<String, BigDecimal> reported, Map<String, BigDecimal> verified, ReportStatus status,
                        boolean late) {
        this(reported, verified, status, late, 0, null);
    }

    public static PeriodReport submitted(Map<String, BigDecimal> values, boolean late) {
        return new PeriodReport(copy(values), null, ReportStatus.SUBMITTED, late);
    }

    /** A correction re-opens verification: whatever was verified or rejected no longer stands. */
    PeriodReport corrected(Map<String, BigDecimal> values, String reason) {
        return new PeriodReport(copy(values), null, ReportStatus.SUBMITTED, late, corrections + 1, reason);
    }

    /** Most verifications confirm the reported values: those share the reported map instead of a copy. */
    PeriodReport verifiedAs(Map<String, BigDecimal> countedValues, String verifierComment) {
        Map<String, BigDecimal> counted = sameValues(reported, countedValues) ? reported : copy(countedValues);
        return new PeriodReport(reported, counted, ReportStatus.VERIFIED, late, corrections, verifierComment);
    }

    PeriodReport rejected(String verifierComment) {
        return new PeriodReport(reported, null, ReportStatus.REJECTED, late, corrections, verifierComment);
    }

    private static boolean sameValues(Map<String, BigDecimal> a, Map<String, BigDecimal> b) {
        if (b == null || a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<String, BigDecimal> e : a.entrySet()) {
            BigDecimal other = b.get(e.getKey());
            if (other == null || other.compareTo(e.getValue()) != 0) {
                return false;
            }
        }
        return true;
    }

    /** The values that count for this period, or null when the report is rejected. */
    public Map<String, BigDecimal> countedValues() {
        return switch (status) {
            case VERIFIED -> verified;
            case SUBMITTED -> reported;
            case REJECTED -> null;
        };
    }

    /**
     * Copies only the event's own values, keeping their order so that the same events give the same state
     * down to iteration order; a null value means no value.
     */
    static Map<String, BigDecimal> copy(Map<String, BigDecimal> values) {
        if (values == null || values.isEmpty()) {
            return Map.of();
        }
        Map<String, BigDecimal> copy = new LinkedHashMap<>(values.size() * 4 / 3 + 1);
        for (Map.Entry<String, BigDecimal> e : values.entrySet()) {
            if (e.getKey() != null && e.getValue() != null) {
                copy.put(e.getKey(), e.getValue());
            }
        }
        return Collections.unmodifiableMap(copy);
    }
}
