package vn.thidua.query.store;

import vn.thidua.eventstore.EventTable;
import vn.thidua.eventstore.StoredEvent;

import org.springframework.stereotype.Component;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.domain.shared.StreamIds;

import java.util.List;

/** A campaign's terms, folded from its own stream in the event table. */
@Component
public class CampaignTermsReader {
    private final EventTable events;

    public CampaignTermsReader(EventTable events) {
        this.events = events;
    }

    public CampaignTerms require(String campaignId) {
        List<Object> payloads = events.streams(List.of(StreamIds.campaign(campaignId))).stream()
                .map(StoredEvent::payload).toList();
        return CampaignTerms.fold(payloads).orElseThrow(() -> new NotFound("campaign", campaignId));
    }
}
