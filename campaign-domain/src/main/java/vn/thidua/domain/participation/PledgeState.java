package vn.thidua.domain.participation;

import vn.thidua.domain.shared.Answered;
import vn.thidua.domain.shared.Outcome;

import java.math.BigDecimal;
import java.util.Map;

/** A unit's pledge as it stands after a submission; {@code revision} 0 is the first pledge. */
public record PledgeState(Outcome outcome, String campaignId, String unitCode, Map<String, BigDecimal> targets,
                          int revision) implements Answered {
}
