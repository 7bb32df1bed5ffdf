package vn.thidua.domain.scoring;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one unit has submitted in a campaign: its latest pledged targets and its report per period. Changed only
 * by {@link CampaignHistory}; readers get unmodifiable views.
 */
public final class UnitSubmissions {
    private final String unitCode;
    private Map<String, BigDecimal> targets = Map.of();
    private final Map<String, PeriodReport> reports = new HashMap<>();

    public UnitSubmissions(String unitCode) {
        this.unitCode = Objects.requireNonNull(unitCode, "unitCode");
    }

    /** A ready-made value, for callers that hold submissions from elsewhere (and for tests). */
    public static UnitSubmissions of(String unitCode, Map<String, BigDecimal> targets,
                                     Map<String, PeriodReport> reportsByPeriod) {
        UnitSubmissions u = new UnitSubmissions(unitCode);
        u.pledged(targets);
        if (reportsByPeriod != null) {
            u.reports.putAll(reportsByPeriod);
        }
        return u;
    }

    public String unitCode() {
        return unitCode;
    }

    /** The latest pledge's targets; empty when the unit has not pledged. */
    public Map<String, BigDecimal> targets() {
        return targets;
    }

    /** Reports by period code. */
    public Map<String, PeriodReport> reports() {
        return Collections.unmodifiableMap(reports);
    }

    /** The report for a period, or null. */
    public PeriodReport report(String periodCode) {
        return reports.get(periodCode);
    }

    void pledged(Map<String, BigDecimal> newTargets) {
        targets = PeriodReport.copy(newTargets);
    }

    void submitted(String periodCode, Map<String, BigDecimal> values, boolean late) {
        PeriodReport existing = reports.get(periodCode);
        // A second "first" submission cannot happen on the write side; if it does, it acts as a correction.
        reports.put(periodCode, existing == null ? PeriodReport.submitted(values, late) : existing.corrected(values));
    }

    void corrected(String periodCode, Map<String, BigDecimal> values, boolean late) {
        PeriodReport existing = reports.get(periodCode);
        reports.put(periodCode, existing == null ? PeriodReport.submitted(values, late) : existing.corrected(values));
    }

    void verified(String periodCode, Map<String, BigDecimal> countedValues) {
        PeriodReport existing = reports.get(periodCode);
        PeriodReport base = existing == null ? PeriodReport.submitted(countedValues, false) : existing;
        reports.put(periodCode, base.verifiedAs(countedValues));
    }

    void rejected(String periodCode) {
        PeriodReport existing = reports.get(periodCode);
        if (existing != null) {
            reports.put(periodCode, existing.rejected());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnitSubmissions other && unitCode.equals(other.unitCode)
                && targets.equals(other.targets) && reports.equals(other.reports);
    }

    @Override
    public int hashCode() {
        return Objects.hash(unitCode, targets, reports);
    }

    @Override
    public String toString() {
        return "UnitSubmissions[" + unitCode + ", targets=" + targets + ", reports=" + reports + "]";
    }
}
