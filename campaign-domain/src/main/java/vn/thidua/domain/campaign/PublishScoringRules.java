package vn.thidua.domain.campaign;

import vn.thidua.domain.shared.StreamIds;
import vn.thidua.domain.shared.TargetsStream;

public record PublishScoringRules(String campaignId, ScoringRules rules) implements TargetsStream {
    @Override
    public String streamId() {
        return StreamIds.campaign(campaignId);
    }
}
