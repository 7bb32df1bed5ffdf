package vn.thidua.query.league;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.thidua.domain.campaign.CampaignClosed;
import vn.thidua.domain.campaign.CampaignLaunched;
import vn.thidua.domain.scoring.CampaignHistory;
import vn.thidua.domain.scoring.LeagueTableCalculator;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.query.projection.ProjectionStates;
import vn.thidua.query.projection.RebuildableProjection;
import vn.thidua.query.store.CampaignOf;
import vn.thidua.query.store.StoredEvent;

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
public class LeagueTableProjection implements RebuildableProjection {
    public static final String NAME = "league-table";
    public static final String GROUP = "league-table";
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

    @EventHandler
    void on(Object event, EventMessage<?> message) {
        String campaignId = CampaignOf.event(event);
        if (campaignId == null) {
            return;
        }
        Delivered delivered = Delivered.of(event, message);
        if (!CurrentUnitOfWork.isStarted()) {
            rescore(Map.of(campaignId, List.of(delivered)));
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<String, List<Delivered>> batch = root.getOrComputeResource(BATCH, key -> {
            Map<String, List<Delivered>> campaigns = new LinkedHashMap<>();
            root.onPrepareCommit(u -> rescore(campaigns));
            return campaigns;
        });
        List<Delivered> pending = batch.get(campaignId);
        if (pending == null) {
            if (folds.getIfPresent(campaignId) == null) {
                requireLaunched(campaignId);
            }
            pending = new ArrayList<>();
            batch.put(campaignId, pending);
        }
        pending.add(delivered);
    }

    private void rescore(Map<String, List<Delivered>> batch) {
        int generation = states.generationForWrite(NAME);
        for (Map.Entry<String, List<Delivered>> entry : batch.entrySet()) {
            String campaignId = entry.getKey();
            synchronized (locks[Math.floorMod(campaignId.hashCode(), locks.length)]) {
                if (CurrentUnitOfWork.isStarted()) {
                    // The fold is changed before the table commits: if the commit fails, forget it.
                    CurrentUnitOfWork.get().onRollback(u -> folds.invalidate(campaignId));
                }
                LiveCampaign live = trustedFold(campaignId, generation);
                for (Delivered d : entry.getValue()) {
                    if (live.apply(d.streamId(), d.sequence(), d.payload(), d.position())
                            == LiveCampaign.Outcome.EARLIER_MISSING) {
                        live = load(campaignId, generation);
                        if (live.apply(d.streamId(), d.sequence(), d.payload(), d.position())
                                == LiveCampaign.Outcome.EARLIER_MISSING) {
                            // Folded afresh, the campaign holds every committed event of its members' streams: this
                            // one's stream is not among them, so it cannot count in the table.
                            LOG.warn("event {} of stream {} is not part of campaign {}'s history; not scored",
                                    d.sequence(), d.streamId(), campaignId);
                        }
                    }
                }
                Instant now = clock.instant();
                store.write(generation, calculator.score(live.history(), now), live.lastPosition(),
                        live.eventsApplied(), now);
                if (live.history().terms().closed()) {
                    folds.invalidate(campaignId);
                } else {
                    folds.put(campaignId, live);
                }
            }
        }
    }

    /**
     * An event of a campaign that was never launched fails here, inside the handler, so it is dead-lettered (and can
     * be retried once the campaign exists) instead of failing the whole batch. Any other failure (the database, say)
     * is left to the batch: it fails at scoring and the processor retries it, rather than parking the campaign's
     * events behind a dead letter, which with one sequence per campaign would hold back all of them.
     */
    private void requireLaunched(String campaignId) {
        try {
            histories.requireLaunched(campaignId);
        } catch (NotFound unknown) {
            throw unknown;
        } catch (RuntimeException transientFailure) {
            LOG.debug("could not check campaign {} now; its batch will tell", campaignId, transientFailure);
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

    private LiveCampaign load(String campaignId, int generation) {
        loads.increment();
        return LiveCampaign.loaded(histories.current(campaignId), generation);
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
        static Delivered of(Object payload, EventMessage<?> message) {
            if (!(message instanceof DomainEventMessage<?> domain)) {
                throw new IllegalArgumentException("not an event of a stream: " + message.getPayloadType());
            }
            long position = message instanceof TrackedEventMessage<?> tracked
                    ? tracked.trackingToken().position().orElse(-1) : -1;
            return new Delivered(payload, domain.getAggregateIdentifier(), domain.getSequenceNumber(), position);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String processingGroup() {
        return GROUP;
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
                String campaignId = CampaignOf.event(payload);
                if (campaignId == null) {
                    return;
                }
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
