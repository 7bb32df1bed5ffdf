package vn.thidua.domain.campaign;

import vn.thidua.domain.shared.UnitRef;

import java.time.LocalDate;
import java.util.List;

/** A campaign was launched; it names its members as they stood in the cluster at launch. */
public record CampaignLaunched(String campaignId, String clusterCode, int year, String title, String headUnit,
                               List<UnitRef> members, LocalDate pledgeDeadline, List<Period> periods,
                               List<Content> contents, ScoringRules scoringRules) implements CampaignEvent {
}
