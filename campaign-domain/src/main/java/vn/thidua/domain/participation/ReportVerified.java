package vn.thidua.domain.participation;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A report verified. {@code countedValues} is the complete set of values that now count for the period (the
 * reported ones with any fixes applied); {@code fixedValues} only the values the verifier changed, {@code reasons}
 * why, by indicator code (events stored before cross-inspection have none: they read as empty). Who verified is the
 * event's actor, in its metadata, as for every event.
 */
public record ReportVerified(String participationId, String campaignId, String unitCode, String periodCode,
                             Map<String, BigDecimal> countedValues, Map<String, BigDecimal> fixedValues,
                             String comment, Map<String, String> reasons) implements ReportEvent {

    public ReportVerified {
        reasons = reasons == null ? Map.of() : reasons;
    }

    /** A verification that changes no value, so gives no reasons. */
    public ReportVerified(String participationId, String campaignId, String unitCode, String periodCode,
                          Map<String, BigDecimal> countedValues, Map<String, BigDecimal> fixedValues, String comment) {
        this(participationId, campaignId, unitCode, periodCode, countedValues, fixedValues, comment, Map.of());
    }
}
