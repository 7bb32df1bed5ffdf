package vn.thidua.domain.participation;

import java.math.BigDecimal;
import java.util.Map;

/** A first report for a period; {@code late} when it arrived after the period's due date. */
public record ReportSubmitted(String participationId, String campaignId, String unitCode, String periodCode,
                              Map<String, BigDecimal> values, boolean late) implements ReportFiled {
}
