package vn.thidua.web.api;

import vn.thidua.eventstore.EventStreams;

import org.springframework.stereotype.Component;
import vn.thidua.command.support.CampaignTermsLookup;
import vn.thidua.domain.campaign.CampaignLaunched;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.shared.StreamIds;

import java.util.List;
import java.util.Optional;

/**
 * The campaigns the API and the pages read: every launched campaign's terms in launch order (the one list they
 * share), and one campaign's terms as its stream has them now.
 */
@Component
public class Campaigns {
    private final EventStreams streams;
    private final CampaignTermsLookup campaigns;

    public Campaigns(EventStreams streams, CampaignTermsLookup campaigns) {
        this.streams = streams;
        this.campaigns = campaigns;
    }

    public List<CampaignTerms> all() {
        int prefix = StreamIds.campaign("").length();
        return streams.streamsStartedBy(CampaignLaunched.class).stream()
                .map(stream -> campaigns.find(stream.substring(prefix)))
                .flatMap(Optional::stream)
                .toList();
    }

    /** The campaign's terms as its own stream has them now; not found when there is no such campaign. */
    public CampaignTerms require(String campaignId) {
        return campaigns.require(campaignId);
    }
}
