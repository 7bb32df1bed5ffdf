package vn.thidua.domain.scoring;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The self-score (tự chấm): every unit's submissions as if each report counted as the unit reported it, neither
 * verified, fixed nor rejected. Scored with the same calculator, it gives the table the units claimed, beside the
 * inspected one.
 */
public final class SelfScore {
    private SelfScore() {
    }

    public static List<UnitSubmissions> of(Collection<UnitSubmissions> units) {
        return units.stream().map(SelfScore::asReported).toList();
    }

    private static UnitSubmissions asReported(UnitSubmissions u) {
        Map<String, PeriodReport> reports = new LinkedHashMap<>();
        u.reports().forEach((period, r) -> reports.put(period, new PeriodReport(r.reported(), null,
                ReportStatus.SUBMITTED, r.late(), r.corrections(), r.comment())));
        return UnitSubmissions.of(u.unitCode(), u.targets(), reports);
    }
}
