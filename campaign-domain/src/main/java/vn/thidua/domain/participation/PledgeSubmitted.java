package vn.thidua.domain.participation;

import java.math.BigDecimal;
import java.util.Map;

public record PledgeSubmitted(String participationId, String campaignId, String unitCode,
                              Map<String, BigDecimal> targets) implements PledgeEvent {
}
