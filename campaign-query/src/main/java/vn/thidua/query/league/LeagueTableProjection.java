package vn.thidua.query.league;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;
import vn.thidua.domain.campaign.CampaignClosed;
import vn.thidua.domain.campaign.CampaignLaunched;
import vn.thidua.domain.scoring.CampaignHistory;
import vn.thidua.domain.scoring.LeagueTableCalculator;
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
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The league table of every campaign. Because a unit's points may depend on every other unit's results, any
 * event of a campaign recomputes that campaign's whole table, once per batch, from the campaign's committed
 * history with the shared scoring component; that makes the handler idempotent, indifferent to the order in which
 * segments deliver events, and safe on several nodes. A rebuild folds the whole event table in one pass instead.
 */
@Component
@ProcessingGroup(LeagueTableProjection.GROUP)
public class LeagueTableProjection implements RebuildableProjection {
    public static final String NAME = "league-table";
    public static final String GROUP = "league-table";
    private static final String DIRTY = "league-table:dirty-campaigns";

    private final CampaignHistories histories;
    private final LeagueTableStore store;
    private final ProjectionStates states;
    private final LeagueTableCalculator calculator = new LeagueTableCalculator();
    private final Clock clock;

    public LeagueTableProjection(CampaignHistories histories, LeagueTableStore store, ProjectionStates states,
                                 Clock clock) {
        this.histories = histories;
        this.store = store;
        this.states = states;
        this.clock = clock;
    }

    @EventHandler
    void on(Object event) {
        String campaignId = CampaignOf.event(event);
        if (campaignId == null) {
            return;
        }
        if (!CurrentUnitOfWork.isStarted()) {
            recompute(Set.of(campaignId));
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Set<String> dirty = root.getOrComputeResource(DIRTY, key -> {
            Set<String> campaigns = new LinkedHashSet<>();
            root.onPrepareCommit(u -> recompute(campaigns));
            return campaigns;
        });
        if (!dirty.contains(campaignId)) {
            // Fail here, inside the handler, for an event whose campaign cannot be read: the event is then
            // dead-lettered instead of failing the whole batch at commit.
            histories.requireLaunched(campaignId);
            dirty.add(campaignId);
        }
    }

    private void recompute(Set<String> campaignIds) {
        int generation = states.generationForWrite(NAME);
        for (String campaignId : campaignIds) {
            CampaignHistories.Folded folded = histories.current(campaignId);
            Instant now = clock.instant();
            store.write(generation, calculator.score(folded.history(), now), folded.lastPosition(), now);
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
                        now));
                unwritten.clear();
            }

            @Override
            public void finish() {
                flush();
                Instant now = clock.instant();
                open.forEach((id, history) -> store.write(generation, calculator.score(history, now),
                        lastPositions.get(id), now));
                for (String id : touchedAfterClose) {
                    CampaignHistories.Folded folded = histories.current(id);
                    store.write(generation, calculator.score(folded.history(), now), folded.lastPosition(), now);
                }
            }
        };
    }

    private record Scored(CampaignHistory history, long lastPosition) {
    }
}
