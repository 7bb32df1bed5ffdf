package vn.thidua.domain.participation;

import java.math.BigDecimal;
import java.util.Map;

/** A unit pledges (đăng ký) a target for every indicator; a later submission is a revision. */
public record SubmitPledge(String campaignId, String unitCode, Map<String, BigDecimal> targets)
        implements ParticipationCommand {
}
