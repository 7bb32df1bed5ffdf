package vn.thidua.domain.participation;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A report verified. {@code countedValues} is the complete set of values that now count for the period (the
 * reported ones with any fixes applied); {@code fixedValues} only the values the verifier changed.
 */
public record ReportVerified(String participationId, String campaignId, String unitCode, String periodCode,
                             Map<String, BigDecimal> countedValues, Map<String, BigDecimal> fixedValues,
                             String comment) implements ReportEvent {
}
