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
}
