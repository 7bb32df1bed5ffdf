package vn.thidua.domain.participation;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A report replaced by a corrected one, with the reason. {@code late} tells whether the correction itself came
 * after the due date; the lateness that scoring penalises is that of the first submission.
 */
public record ReportCorrected(String participationId, String campaignId, String unitCode, String periodCode,
                              Map<String, BigDecimal> values, Map<String, BigDecimal> previousValues,
                              String reason, boolean late) implements ReportFiled {
}
