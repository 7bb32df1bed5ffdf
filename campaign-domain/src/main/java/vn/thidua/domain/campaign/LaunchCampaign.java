package vn.thidua.domain.campaign;

import vn.thidua.domain.shared.TargetsStream;
import vn.thidua.domain.shared.StreamIds;
import java.time.LocalDate;
import java.util.List;

/** The cluster head launches a campaign (phát động phong trào thi đua) for all members of the cluster. */
public record LaunchCampaign(String campaignId, String clusterCode, int year, String title, String headUnit,
                             LocalDate pledgeDeadline, List<Period> periods, List<Content> contents,
                             ScoringRules scoringRules) implements TargetsStream {
    @Override
    public String streamId() {
        return StreamIds.campaign(campaignId);
    }
}
