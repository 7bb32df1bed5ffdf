package vn.thidua.domain.participation;

import vn.thidua.domain.shared.Answered;
import vn.thidua.domain.shared.Outcome;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A period's report as it stands after a submission or verification: its values, SUBMITTED / VERIFIED / REJECTED,
 * whether its first submission was late, how often it was corrected, the counted values once verified, and the
 * latest reason or comment.
 */
public record ReportState(Outcome outcome, String campaignId, String unitCode, String periodCode,
                          Map<String, BigDecimal> values, String status, boolean late, int corrections,
                          Map<String, BigDecimal> verifiedValues, String comment) implements Answered {
}
