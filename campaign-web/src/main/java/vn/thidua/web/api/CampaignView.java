package vn.thidua.web.api;

import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.campaign.Content;
import vn.thidua.domain.campaign.Period;
import vn.thidua.domain.campaign.ScoringRules;
import vn.thidua.domain.shared.UnitRef;

import java.time.LocalDate;
import java.util.List;

/** A campaign as the API shows it. */
public record CampaignView(String campaignId, String clusterCode, int year, String title, String headUnit,
                           List<UnitRef> members, LocalDate pledgeDeadline, List<Period> periods,
                           List<Content> contents, ScoringRules scoringRules, List<ScoringRules> ruleVersions,
                           String status) {

    static CampaignView of(CampaignTerms t) {
        return new CampaignView(t.campaignId(), t.clusterCode(), t.year(), t.title(), t.headUnit(), t.members(),
                t.pledgeDeadline(), t.periods(), t.contents(), t.rules(), t.ruleHistory(),
                t.closed() ? "CLOSED" : "OPEN");
    }
}
