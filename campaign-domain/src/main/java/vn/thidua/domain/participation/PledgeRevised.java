package vn.thidua.domain.participation;

import java.math.BigDecimal;
import java.util.Map;

/** A pledge replaced by a new one; {@code previousTargets} is what it replaced. */
public record PledgeRevised(String participationId, String campaignId, String unitCode,
                            Map<String, BigDecimal> targets, Map<String, BigDecimal> previousTargets) implements PledgeEvent {
}
