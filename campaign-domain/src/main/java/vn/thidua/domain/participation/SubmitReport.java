package vn.thidua.domain.participation;

import vn.thidua.domain.shared.FreeText;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A unit reports its results for a period. A changed resubmission is a correction and needs a {@code reason};
 * an identical one records nothing.
 */
public record SubmitReport(String campaignId, String unitCode, String periodCode, Map<String, BigDecimal> values,
                           @FreeText String reason) implements ParticipationCommand {
}
