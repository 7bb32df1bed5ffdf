package vn.thidua.domain.scoring;

import vn.thidua.domain.participation.ParticipationEvent;
import vn.thidua.domain.participation.PledgeRevised;
import vn.thidua.domain.participation.PledgeSubmitted;
import vn.thidua.domain.participation.ReportCorrected;
import vn.thidua.domain.participation.ReportRejected;
import vn.thidua.domain.participation.ReportSubmitted;
import vn.thidua.domain.participation.ReportVerified;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one unit has submitted in a campaign: its latest pledged targets and its report per period, folded from its
 * participation stream by {@link #apply}. The one fold of a participation: the aggregate decides on it, the pages
 * show it, scoring counts it. Readers get unmodifiable views.
 */
public final class UnitSubmissions {
    private final String unitCode;
    private Map<String, BigDecimal> targets = Map.of();
    private int pledgeRevision = -1;
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

    /**
     * Folds one event of the unit's participation stream; events of other types change nothing. The write side,
     * the pages and scoring all read a participation through this one fold.
     *
     * @return whether the event changed the submissions
     */
    public boolean apply(ParticipationEvent event) {
        if (event instanceof ReportSubmitted e) {
            submitted(e.periodCode(), e.values(), e.late());
        } else if (event instanceof ReportVerified e) {
            verified(e.periodCode(), e.countedValues(), e.comment());
        } else if (event instanceof ReportCorrected e) {
            corrected(e.periodCode(), e.values(), e.late(), e.reason());
        } else if (event instanceof ReportRejected e) {
            rejected(e.periodCode(), e.comment());
        } else if (event instanceof PledgeSubmitted e) {
            pledged(e.targets());
        } else if (event instanceof PledgeRevised e) {
            pledged(e.targets());
        } else {
            return false;
        }
        return true;
    }

    /** Whether the unit has pledged. */
    public boolean hasPledged() {
        return pledgeRevision >= 0;
    }

    /** 0 for the first pledge, one more for each revision; -1 before the first pledge. */
    public int pledgeRevision() {
        return pledgeRevision;
    }

    private void pledged(Map<String, BigDecimal> newTargets) {
        targets = PeriodReport.copy(newTargets);
        pledgeRevision++;
    }

    private void submitted(String periodCode, Map<String, BigDecimal> values, boolean late) {
        PeriodReport existing = reports.get(periodCode);
        // A second "first" submission cannot happen on the write side; if it does, it acts as a correction.
        reports.put(periodCode, existing == null ? PeriodReport.submitted(values, late)
                : existing.corrected(values, null));
    }

    private void corrected(String periodCode, Map<String, BigDecimal> values, boolean late, String reason) {
        PeriodReport existing = reports.get(periodCode);
        reports.put(periodCode, existing == null ? PeriodReport.submitted(values, late)
                : existing.corrected(values, reason));
    }

    private void verified(String periodCode, Map<String, BigDecimal> countedValues, String comment) {
        PeriodReport existing = reports.get(periodCode);
        PeriodReport base = existing == null ? PeriodReport.submitted(countedValues, false) : existing;
        reports.put(periodCode, base.verifiedAs(countedValues, comment));
    }

    private void rejected(String periodCode, String comment) {
        PeriodReport existing = reports.get(periodCode);
        if (existing != null) {
            reports.put(periodCode, existing.rejected(comment));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnitSubmissions other && unitCode.equals(other.unitCode)
                && pledgeRevision == other.pledgeRevision && targets.equals(other.targets)
                && reports.equals(other.reports);
    }

    @Override
    public int hashCode() {
        return Objects.hash(unitCode, pledgeRevision, targets, reports);
    }

    @Override
    public String toString() {
        return "UnitSubmissions[" + unitCode + ", targets=" + targets + ", reports=" + reports + "]";
    }
}
