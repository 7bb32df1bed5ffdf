package vn.thidua.domain.scoring;

import vn.thidua.domain.campaign.Indicator;
import vn.thidua.domain.campaign.Period;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The value that counts per indicator for one unit, and whether any of them is not yet verified. */
record CountedValues(Map<String, BigDecimal> values, boolean provisional) {

    static CountedValues of(List<Period> periods, List<Indicator> indicators, UnitSubmissions unit) {
        Map<String, BigDecimal> values = new HashMap<>();
        boolean provisional = false;
        if (unit == null) {
            return new CountedValues(values, false);
        }
        for (Indicator indicator : indicators) {
            for (int p = periods.size() - 1; p >= 0; p--) {
                PeriodReport report = unit.report(periods.get(p).code());
                Map<String, BigDecimal> counted = report == null ? null : report.countedValues();
                BigDecimal value = counted == null ? null : counted.get(indicator.code());
                if (value != null) {
                    values.put(indicator.code(), value);
                    provisional |= report.status() != ReportStatus.VERIFIED;
                    break;
                }
            }
        }
        return new CountedValues(values, provisional);
    }
}
