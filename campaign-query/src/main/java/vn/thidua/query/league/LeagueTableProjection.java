package vn.thidua.query.league;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.thidua.domain.campaign.CampaignClosed;
import vn.thidua.domain.campaign.CampaignEvent;
import vn.thidua.domain.campaign.CampaignLaunched;
import vn.thidua.domain.scoring.CampaignHistory;
import vn.thidua.domain.scoring.LeagueTableCalculator;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.query.projection.ProjectionStates;
import vn.thidua.query.projection.NamedProjection;
import vn.thidua.eventstore.StoredEvent;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

/**
 * The league table of every campaign. A unit's points may depend on every other unit's results, so every batch
 * rescores each campaign it touched, once, with the shared scoring component. Each open campaign's history is kept
 * folded in memory ({@link LiveCampaign}) and a batch applies only its own events; the fold is trusted only while
 * the stored table says it was computed from as many of the campaign's events as the fold holds, so a table written
 * by another node, by a replay or by a batch that rolled back sends the campaign back to the event store to be
 * folded afresh. The processor routes all events of one campaign to one segment ({@link CampaignSequencing}), so
 * one node folds a campaign at a time. A rebuild folds the whole event table in one pass instead.
 */
@Component
@ProcessingGroup(LeagueTableProjection.GROUP)
public class LeagueTableProjection extends NamedProjection {
    public static final String NAME = "league-table";
    public static final String GROUP = NAME;
    private static final String BATCH = "league-table:batch";
    private static final Logger LOG = LoggerFactory.getLogger(LeagueTableProjection.class);

    private final CampaignHistories histories;
    private final LeagueTableStore store;
    private final ProjectionStates states;
    private final LeagueTableCalculator calculator = new LeagueTableCalculator();
    private final Clock clock;
    private final Cache<String, LiveCampaign> folds;
    /** Striped, so the locks stay as many however many campaigns come and go. */
    private final Object[] locks = IntStream.range(0, 64).mapToObj(i -> new Object()).toArray();
    private final LongAdder loads = new LongAdder();
    private final LongAdder incremental = new LongAdder();

    @Autowired
    public LeagueTableProjection(CampaignHistories histories, LeagueTableStore store, ProjectionStates states,
                                 Clock clock, @Value("${thidua.league-table.live-campaigns:100}") long liveCampaigns) {
        super(NAME);
        this.histories = histories;
        this.store = store;
        this.states = states;
        this.clock = clock;
        this.folds = Caffeine.newBuilder().maximumSize(liveCampaigns).build();
    }

    public LeagueTableProjection(CampaignHistories histories, LeagueTableStore store, ProjectionStates states,
                                 Clock clock) {
        this(histories, store, states, clock, 100);
    }

    /**
     * Applies the event to its campaign's fold inside the handler, so that whatever cannot be read or applied fails
     * here and is dead-lettered in the campaign's sequence (holding back that campaign only); the batch's campaigns
     * are scored and written once, at commit. Typed on {@link CampaignEvent}: Axon passes this projection the events
     * of campaigns' and participations' streams only (an event of such a type that cannot be read still reaches this
     * handler and fails in it).
     */
    @EventHandler
    void on(CampaignEvent event, DomainEventMessage<?> message) {
        String campaignId = event.campaignId();
        Delivered delivered = Delivered.of(event, message);
        if (!CurrentUnitOfWork.isStarted()) {
            Batch alone = new Batch(states.generationForWrite(NAME));
            apply(alone, campaignId, delivered);
            write(alone);
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Batch batch = root.getResource(BATCH);
        if (batch == null) {
            // The generation is read (and its lock taken) outside the resource map: it keeps resources of its own.
            Batch created = new Batch(states.generationForWrite(NAME));
            root.resources().put(BATCH, created);
            root.onPrepareCommit(u -> write(created));
            // The folds change before the tables commit: if the commit fails, forget them.
            root.onRollback(u -> created.campaigns.keySet().forEach(folds::invalidate));
            batch = created;
        }
        apply(batch, campaignId, delivered);
    }

    /** The campaigns one batch touched, each with its fold, all written in the batch's generation. */
    private static final class Batch {
        final int generation;
        final Map<String, LiveCampaign> campaigns = new LinkedHashMap<>();

        Batch(int generation) {
            this.generation = generation;
        }
    }

    private void apply(Batch batch, String campaignId, Delivered d) {
        synchronized (locks[Math.floorMod(campaignId.hashCode(), locks.length)]) {
            LiveCampaign live = batch.campaigns.get(campaignId);
            if (live == null) {
                live = trustedFold(campaignId, batch.generation);
                batch.campaigns.put(campaignId, live);
            }
            try {
                if (live.apply(d.streamId(), d.sequence(), d.payload(), d.position())
                        == LiveCampaign.Outcome.EARLIER_MISSING) {
                    live = load(campaignId, batch.generation);
                    batch.campaigns.put(campaignId, live);
                    if (live.apply(d.streamId(), d.sequence(), d.payload(), d.position())
                            == LiveCampaign.Outcome.EARLIER_MISSING) {
                        // Folded afresh, the campaign holds every committed event of its members' streams: this
                        // one's stream is not among them, so it cannot count in the table.
                        LOG.warn("event {} of stream {} is not part of campaign {}'s history; not scored",
                                d.sequence(), d.streamId(), campaignId);
                    }
                }
            } catch (RuntimeException cannotApply) {
                // The fold may be half changed: the batch writes the campaign as it stood before this event.
                folds.invalidate(campaignId);
                batch.campaigns.remove(campaignId);
                try {
                    histories.before(campaignId, d.position()).filter(f -> !f.heldBack()).ifPresent(f ->
                            batch.campaigns.put(campaignId, LiveCampaign.loaded(f, batch.generation)));
                } catch (RuntimeException alsoFailed) {
                    cannotApply.addSuppressed(alsoFailed);
                }
                throw cannotApply;
            }
        }
    }

    private void write(Batch batch) {
        for (Map.Entry<String, LiveCampaign> entry : batch.campaigns.entrySet()) {
            String campaignId = entry.getKey();
            LiveCampaign live = entry.getValue();
            synchronized (locks[Math.floorMod(campaignId.hashCode(), locks.length)]) {
                Instant now = clock.instant();
                store.write(batch.generation, calculator.score(live.history(), now), live.lastPosition(),
                        live.eventsApplied(), now);
                if (live.history().terms().closed()) {
                    folds.invalidate(campaignId);
                } else {
                    folds.put(campaignId, live);
                }
            }
        }
    }

    /** The fold in memory if the stored table was computed from exactly its events, else one read afresh. */
    private LiveCampaign trustedFold(String campaignId, int generation) {
        LiveCampaign live = folds.getIfPresent(campaignId);
        if (live != null && live.generation() == generation) {
            OptionalLong stored = store.eventsApplied(generation, campaignId);
            if (stored.isPresent() && stored.getAsLong() == live.eventsApplied()) {
                incremental.increment();
                return live;
            }
        }
        return load(campaignId, generation);
    }

    /**
     * The campaign folded afresh from the store; refused in the handler (so dead-lettered) when its history holds an
     * event that cannot be read, or when it was never launched (it can be retried once it is).
     */
    private LiveCampaign load(String campaignId, int generation) {
        loads.increment();
        CampaignHistories.Folded folded = histories.current(campaignId);
        if (folded.heldBack()) {
            throw new CampaignHeldBack(campaignId, folded.heldAt());
        }
        return LiveCampaign.loaded(folded, generation);
    }

    /** Batches that folded a campaign afresh from the event store (first use, another writer, replay, rollback). */
    public long foldsLoaded() {
        return loads.sum();
    }

    /** Batches that applied their events to a campaign's fold in memory. */
    public long foldsReused() {
        return incremental.sum();
    }

    /** An event as this projection needs it: its stream and sequence, and the processor's position. */
    record Delivered(Object payload, String streamId, long sequence, long position) {
        static Delivered of(CampaignEvent payload, DomainEventMessage<?> message) {
            long position = message instanceof TrackedEventMessage<?> tracked
                    ? tracked.trackingToken().position().orElse(-1) : -1;
            return new Delivered(payload, message.getAggregateIdentifier(), message.getSequenceNumber(), position);
        }
    }

    /** One sequence per campaign, as {@link CampaignSequencing} routes the live events. */
    @Override
    public String sequenceOf(StoredEvent event) {
        return CampaignSequencing.ofStream(event.streamId());
    }

    /** Scores need payloads only: who acted and when does not change a table. */
    @Override
    public boolean needsMetadata() {
        return false;
    }

    @Override
    public void clear(int generation) {
        store.clear(generation);
    }

    /**
     * Folds the whole event table in one pass. A campaign is scored as soon as its close is seen and its history
     * dropped, so memory holds only the campaigns still open at the end; tables are written on each flush.
     */
    @Override
    public Rebuild rebuild(int generation) {
        return new Rebuild() {
            private final Map<String, CampaignHistory> open = new HashMap<>();
            private final Map<String, Long> lastPositions = new HashMap<>();
            private final Set<String> finished = new HashSet<>();
            private final Set<String> touchedAfterClose = new LinkedHashSet<>();
            private final List<Scored> unwritten = new ArrayList<>();

            @Override
            public void accept(StoredEvent event) {
                Object payload = event.payload();
                if (payload instanceof CampaignLaunched launched) {
                    open.put(launched.campaignId(), CampaignHistory.start(launched));
                    lastPositions.put(launched.campaignId(), event.position());
                    return;
                }
                if (!(payload instanceof CampaignEvent ofCampaign)) {
                    return;
                }
                String campaignId = ofCampaign.campaignId();
                CampaignHistory history = open.get(campaignId);
                if (history == null) {
                    if (finished.contains(campaignId)) {
                        touchedAfterClose.add(campaignId);
                    }
                    return;
                }
                history.apply(payload);
                lastPositions.put(campaignId, event.position());
                if (payload instanceof CampaignClosed) {
                    unwritten.add(new Scored(history, lastPositions.remove(campaignId)));
                    open.remove(campaignId);
                    finished.add(campaignId);
                }
            }

            @Override
            public void flush() {
                Instant now = clock.instant();
                unwritten.forEach(s -> store.write(generation, calculator.score(s.history(), now), s.lastPosition(),
                        s.history().eventsApplied(), now));
                unwritten.clear();
            }

            @Override
            public void finish() {
                flush();
                Instant now = clock.instant();
                open.forEach((id, history) -> store.write(generation, calculator.score(history, now),
                        lastPositions.get(id), history.eventsApplied(), now));
                for (String id : touchedAfterClose) {
                    CampaignHistories.Folded folded = histories.current(id);
                    store.write(generation, calculator.score(folded.history(), now), folded.lastPosition(),
                            folded.history().eventsApplied(), now);
                }
            }
        };
    }

    private record Scored(CampaignHistory history, long lastPosition) {
    }
}
