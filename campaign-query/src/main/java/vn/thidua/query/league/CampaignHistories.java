package vn.thidua.query.league;

import org.springframework.stereotype.Component;
import vn.thidua.domain.campaign.CampaignLaunched;
import vn.thidua.domain.scoring.CampaignHistory;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.domain.shared.StreamIds;
import vn.thidua.domain.shared.UnitRef;
import vn.thidua.eventstore.EventTable;
import vn.thidua.eventstore.StoredEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A campaign's history read from the event store: its own stream and its members' participation streams,
 * folded in global order, optionally only up to an instant. The live league table, as-of queries and what-if
 * previews all start here.
 */
@Component
public class CampaignHistories {
    private final EventTable events;

    public CampaignHistories(EventTable events) {
        this.events = events;
    }

    /**
     * A fold with the last sequence number of every stream folded and the highest position folded. When the
     * campaign's history holds an event that cannot be read, the fold stops before it ({@code heldAt}): the
     * campaign is held back there, as the live projection holds it back behind its dead letter.
     */
    public record Folded(CampaignHistory history, long lastPosition, Map<String, Long> lastSequences,
                         StoredEvent heldAt) {
        public boolean heldBack() {
            return heldAt != null;
        }
    }

    /** Throws {@link NotFound} unless the campaign's stream has an event (its first is always the launch). */
    public void requireLaunched(String campaignId) {
        if (events.lastPositionOf(StreamIds.campaign(campaignId)) < 0) {
            throw new NotFound("campaign", campaignId);
        }
    }

    public Folded current(String campaignId) {
        return upTo(campaignId, null).orElseThrow(() -> new NotFound("campaign", campaignId));
    }

    /** The history as it stood at {@code asOf} (every event recorded at or before it), or empty if not launched. */
    public Optional<Folded> upTo(String campaignId, Instant asOf) {
        return fold(campaignId, asOf, Long.MAX_VALUE);
    }

    /** The history of every event before {@code position}, or empty if not launched. */
    public Optional<Folded> before(String campaignId, long position) {
        return fold(campaignId, null, position);
    }

    private Optional<Folded> fold(String campaignId, Instant asOf, long beforePosition) {
        List<StoredEvent> own = events.streams(List.of(StreamIds.campaign(campaignId)));
        if (own.isEmpty() || !(own.get(0).payload() instanceof CampaignLaunched launched)
                || asOf != null && own.get(0).at().isAfter(asOf) || own.get(0).position() >= beforePosition) {
            return Optional.empty();
        }
        List<String> streams = new ArrayList<>();
        streams.add(StreamIds.campaign(campaignId));
        for (UnitRef member : launched.members()) {
            streams.add(StreamIds.participation(campaignId, member.code()));
        }
        CampaignHistory history = CampaignHistory.start(launched);
        long last = own.get(0).position();
        Map<String, Long> lastSequences = new HashMap<>();
        lastSequences.put(own.get(0).streamId(), own.get(0).sequence());
        StoredEvent heldAt = null;
        for (StoredEvent e : events.streams(streams)) {
            if (e.position() == own.get(0).position() || asOf != null && e.at().isAfter(asOf)) {
                continue;
            }
            if (e.position() >= beforePosition) {
                break;
            }
            if (e.unreadable()) {
                heldAt = e;
                break;
            }
            history.apply(e.payload());
            last = Math.max(last, e.position());
            lastSequences.merge(e.streamId(), e.sequence(), Math::max);
        }
        return Optional.of(new Folded(history, last, lastSequences, heldAt));
    }
}
