package vn.thidua.command.support;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.cluster.ClusterRegistered;
import vn.thidua.domain.shared.StreamIds;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a campaign's or a cluster's own few events straight from the event store: always consistent with what
 * is committed, on every node, with no second copy of the data to keep in step.
 */
public class EventStoreLookups implements CampaignTermsLookup, ClusterDirectory {
    private final EventStore eventStore;

    public EventStoreLookups(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<CampaignTerms> find(String campaignId) {
        List<Object> events = new ArrayList<>();
        eventStore.readEvents(StreamIds.campaign(campaignId)).forEachRemaining(e -> events.add(e.getPayload()));
        return CampaignTerms.fold(events);
    }

    @Override
    public Optional<ClusterRegistered> findCluster(String clusterCode) {
        DomainEventStream stream = eventStore.readEvents(StreamIds.cluster(clusterCode));
        ClusterRegistered cluster = null;
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof ClusterRegistered registered) {
                cluster = registered;
            }
        }
        return Optional.ofNullable(cluster);
    }
}
