package vn.thidua.command.support;

import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.shared.NotFound;

import java.util.Optional;

/** The terms of a campaign, as its own stream has them now. Injected into the handlers that need them. */
public interface CampaignTermsLookup {
    Optional<CampaignTerms> find(String campaignId);

    default CampaignTerms require(String campaignId) {
        return find(campaignId).orElseThrow(() -> new NotFound("campaign", campaignId));
    }

    /**
     * The campaign's definition: members, head unit, periods, contents and indicators, which no event after the
     * launch changes, so a copy read earlier answers as well as the store and this may skip it (a controller
     * reading indicators to parse a body and render an answer). Never use its rules in force or whether it is
     * closed: those are {@link #require}'s, and the command handlers decide on them.
     */
    default CampaignTerms requireDefinition(String campaignId) {
        return require(campaignId);
    }
}
