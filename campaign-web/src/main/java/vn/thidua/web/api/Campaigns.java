package vn.thidua.web.api;

import vn.thidua.eventstore.EventStreams;

import org.springframework.stereotype.Component;
import vn.thidua.command.support.CampaignTermsLookup;
import vn.thidua.domain.campaign.CampaignLaunched;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.shared.StreamIds;

import java.util.List;
import java.util.Optional;

/** Every launched campaign's terms, in launch order: the one list the API and the pages share. */
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
}
