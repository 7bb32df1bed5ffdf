package vn.thidua.domain.campaign;

import vn.thidua.domain.shared.StreamIds;
import vn.thidua.domain.shared.TargetsStream;

public record CloseCampaign(String campaignId) implements TargetsStream {
    @Override
    public String streamId() {
        return StreamIds.campaign(campaignId);
    }
}
