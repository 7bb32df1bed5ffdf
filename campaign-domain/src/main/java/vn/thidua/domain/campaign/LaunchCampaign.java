package vn.thidua.domain.campaign;

import java.time.LocalDate;
import java.util.List;

/** The cluster head launches a campaign (phát động phong trào thi đua) for all members of the cluster. */
public record LaunchCampaign(String campaignId, String clusterCode, int year, String title, String headUnit,
                             LocalDate pledgeDeadline, List<Period> periods, List<Content> contents,
                             ScoringRules scoringRules) {
}
