package vn.thidua.command.support;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.cluster.ClusterRegistered;
import vn.thidua.domain.shared.StreamIds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reads a campaign's or a cluster's own few events straight from the event store: always consistent with what
 * is committed, on every node, with no second copy of the data to keep in step.
 */
public class EventStoreLookups implements CampaignTermsLookup, ClusterDirectory {
    private final EventStore eventStore;
    private final Function<String, Optional<Long>> lastSequenceOfStream;
    private final Map<String, Known> campaigns = new ConcurrentHashMap<>();

    public EventStoreLookups(EventStore eventStore) {
        this(eventStore, eventStore::lastSequenceNumberFor);
    }

    /** @param lastSequenceOfStream the store's last sequence number of a stream, empty for an empty stream */
    public EventStoreLookups(EventStore eventStore, Function<String, Optional<Long>> lastSequenceOfStream) {
        this.eventStore = eventStore;
        this.lastSequenceOfStream = lastSequenceOfStream;
    }

    /**
     * The campaign's terms, re-read only when its stream has grown: a campaign changes a handful of times in its
     * life while every pledge and report asks for it. Checking the stream's last sequence number (one indexed
     * read) keeps the answer exactly as current as a full read, on every node.
     */
    @Override
    public Optional<CampaignTerms> find(String campaignId) {
        String stream = StreamIds.campaign(campaignId);
        Optional<Long> last = lastSequenceOfStream.apply(stream);
        if (last.isEmpty()) {
            return Optional.empty();
        }
        Known known = campaigns.get(campaignId);
        if (known != null && known.sequence() == last.get()) {
            return Optional.of(known.terms());
        }
        List<Object> events = new ArrayList<>();
        long[] sequence = {-1};
        eventStore.readEvents(stream).forEachRemaining(e -> {
            events.add(e.getPayload());
            sequence[0] = e.getSequenceNumber();
        });
        Optional<CampaignTerms> terms = CampaignTerms.fold(events);
        terms.ifPresent(t -> campaigns.put(campaignId, new Known(sequence[0], t)));
        return terms;
    }

    /** A campaign's definition never changes after its launch, so any copy read before answers without a query. */
    @Override
    public CampaignTerms requireDefinition(String campaignId) {
        Known known = campaigns.get(campaignId);
        return known != null ? known.terms() : require(campaignId);
    }

    private record Known(long sequence, CampaignTerms terms) {
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
