package vn.thidua.query.league;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.campaign.ScoringMethod;
import vn.thidua.domain.campaign.ScoringRules;
import vn.thidua.domain.campaign.ScoringRulesPublished;
import vn.thidua.domain.participation.PledgeSubmitted;
import vn.thidua.domain.participation.ReportSubmitted;
import vn.thidua.domain.participation.ReportVerified;
import vn.thidua.domain.query.LeagueTableQuery;
import vn.thidua.domain.scoring.LeagueRow;
import vn.thidua.domain.scoring.LeagueTable;
import vn.thidua.domain.shared.StreamIds;
import vn.thidua.query.projection.ProjectionRebuilder;
import vn.thidua.query.projection.ProjectionStates;
import vn.thidua.eventstore.EventTable;
import vn.thidua.query.testsupport.Deliver;
import vn.thidua.query.testsupport.SmallCampaign;
import vn.thidua.query.testsupport.TestEventStore;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thidua.query.testsupport.SmallCampaign.A;
import static vn.thidua.query.testsupport.SmallCampaign.B;
import static vn.thidua.query.testsupport.SmallCampaign.C;
import static vn.thidua.query.testsupport.SmallCampaign.ID;
import static vn.thidua.query.testsupport.SmallCampaign.JULY;
import static vn.thidua.query.testsupport.SmallCampaign.JUNE;
import static vn.thidua.query.testsupport.SmallCampaign.participation;
import static vn.thidua.query.testsupport.SmallCampaign.values;

/** The league-table projection replays a known history; the live path and a rebuild give the same rows. */
class LeagueTableProjectionTest {

    private TestEventStore store;
    private EventTable events;
    private LeagueTableProjection projection;
    private Clock clock;
    private LeagueTableQueries queries;
    private ProjectionRebuilder rebuilder;
    private ProjectionStates states;

    @BeforeEach
    void setUp() {
        LeagueTableRig rig = new LeagueTableRig();
        store = rig.store;
        clock = rig.clock;
        events = rig.events;
        states = rig.states;
        projection = rig.projection();
        queries = rig.queries();
        rebuilder = new ProjectionRebuilder(List.of(projection), states, events, store.transactions);
    }

    private final List<TrackedEventMessage<?>> delivered = new ArrayList<>();

    /** Appends and lets the live handler see it, as the Axon processor would. */
    private void record(String stream, String type, Object event, Instant at) {
        TrackedEventMessage<?> message = store.appendDelivered(stream, type, event, at, "tester");
        delivered.add(message);
        Deliver.to(projection, message);
    }

    private void history() {
        SmallCampaign.launchPledgeAndReport(this::record);
        record(participation(A), "Participation", new ReportVerified(participation(A), ID, A, "P1",
                values("110", "1"), Map.of(), "đạt"), JULY.plusSeconds(60));
    }

    private LeagueTable current() {
        return queries.handle(new LeagueTableQuery(ID, null, null));
    }

    @Test
    void scoresTheKnownHistoryAsComputedByHand() {
        history();
        LeagueTable table = current();
        assertThat(table.rulesVersion()).isEqualTo(1);
        // A: Q 60 × 110/100 = 66, OK 40 → 106, verified, on time.
        // B: Q 60 × min(1.3, 1.2) = 72, OK 0 → 72, minus 1 for the late P1 report → 71, not verified.
        // C: nothing pledged or reported → 0 (no missing penalty in v1).
        assertThat(table.rows()).extracting(LeagueRow::rank, LeagueRow::unitCode, LeagueRow::total,
                        LeagueRow::provisional)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, A, new BigDecimal("106.0000"), false),
                        org.assertj.core.groups.Tuple.tuple(2, B, new BigDecimal("71.0000"), true),
                        org.assertj.core.groups.Tuple.tuple(3, C, new BigDecimal("0.0000"), false));
        // C has no counted value: stored and read back as not counted (shown "Chưa xếp hạng").
        assertThat(table.rows()).extracting(LeagueRow::counted).containsExactly(true, true, false);
        assertThat(store.jdbc.queryForList("SELECT counted FROM league_table_row WHERE unit_code = ?", Boolean.class, C))
                .containsOnly(false);
        assertThat(table.rows().get(0).contents()).containsEntry("C1", new BigDecimal("66.0000"))
                .containsEntry("C2", new BigDecimal("40.0000"));
        assertThat(table.rows().get(1).penalties()).isEqualByComparingTo("1");
    }

    @Test
    void aNewRuleVersionRecomputesTheTable() {
        history();
        record(StreamIds.campaign(ID), "Campaign", new ScoringRulesPublished(ID, new ScoringRules(2,
                ScoringMethod.LEADER_INTERPOLATED, null, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO)),
                JULY.plusSeconds(120));
        LeagueTable table = current();
        assertThat(table.rulesVersion()).isEqualTo(2);
        // B has the best ratio 1.3 → the full 60 for Q, 60 − 1 late = 59.
        // A: 30 + 30 × (1.1 − 1) / (1.3 − 1) = 40 for Q, + 40 for OK = 80.
        assertThat(table.row(A).orElseThrow().total()).isEqualByComparingTo("80");
        assertThat(table.row(B).orElseThrow().total()).isEqualByComparingTo("59");
        // Version 1 is still there to compare with.
        assertThat(queries.handle(new LeagueTableQuery(ID, null, 1)).row(A).orElseThrow().total())
                .isEqualByComparingTo("106");
    }

    @Test
    void aRebuildGivesExactlyTheRowsTheLivePathGave() {
        history();
        List<Map<String, Object>> live = rows(states.activeGeneration(LeagueTableProjection.NAME));
        long replayed = rebuilder.replayNow(LeagueTableProjection.NAME);
        assertThat(replayed).isEqualTo(6);
        int generation = states.activeGeneration(LeagueTableProjection.NAME);
        assertThat(generation).isEqualTo(1);
        assertThat(rows(generation)).isEqualTo(live);
        assertThat(rows(0)).as("the old generation is removed after the switch").isEmpty();
    }

    @Test
    void handlingTheSameEventTwiceChangesNothing() {
        history();
        List<Map<String, Object>> once = rows(0);
        // A's P1 report again, after A's verification overtook it: applied twice it would undo the verification.
        TrackedEventMessage<?> again = delivered.get(3);
        Deliver.to(projection, again);
        assertThat(rows(0)).isEqualTo(once);
        assertThat(current().row(A).orElseThrow().provisional()).isFalse();
        assertThat(store.jdbc.queryForObject("SELECT events_applied FROM league_table_campaign WHERE generation = 0",
                Long.class)).isEqualTo(6);
    }

    @Test
    void aBatchAppliesOnlyItsOwnEventsToTheFoldInMemory() {
        history();
        assertThat(projection.foldsLoaded()).as("the launch folds the campaign from the store once").isEqualTo(1);
        assertThat(projection.foldsReused()).isEqualTo(5);
        assertThat(rows(0)).isEqualTo(freshRebuild());
    }

    @Test
    void aProcessorsBatchOfSeveralEventsIsScoredOnceAtCommit() {
        history();
        long loadsBefore = projection.foldsLoaded();
        long reusedBefore = projection.foldsReused();
        long writesBefore = store.jdbc.queryForObject("SELECT COUNT(*) FROM league_table_campaign", Long.class);
        List<TrackedEventMessage<?>> batch = List.of(
                store.appendDelivered(participation(C), "Participation",
                        new PledgeSubmitted(participation(C), ID, C, values("100", "1")), JULY.plusSeconds(100),
                        "tester"),
                store.appendDelivered(participation(C), "Participation",
                        new ReportSubmitted(participation(C), ID, C, "P1", values("90", "1"), true),
                        JULY.plusSeconds(110), "tester"));

        List<Long> storedCountsBeforeCommit = new ArrayList<>();
        ResultMessage<?> result = new BatchingUnitOfWork<>(batch).executeWithResult(() -> {
            TrackedEventMessage<?> message = (TrackedEventMessage<?>) CurrentUnitOfWork.get().getMessage();
            Deliver.to(projection, message);
            storedCountsBeforeCommit.add(store.jdbc.queryForObject(
                    "SELECT events_applied FROM league_table_campaign WHERE generation = 0", Long.class));
            return null;
        });

        assertThat(result.isExceptional()).as("%s", result.optionalExceptionResult()).isFalse();
        assertThat(storedCountsBeforeCommit).as("nothing is scored before the batch commits").containsExactly(6L, 6L);

        assertThat(projection.foldsLoaded()).isEqualTo(loadsBefore);
        assertThat(projection.foldsReused()).as("one rescore for the batch").isEqualTo(reusedBefore + 1);
        assertThat(store.jdbc.queryForObject("SELECT COUNT(*) FROM league_table_campaign", Long.class))
                .isEqualTo(writesBefore);
        assertThat(store.jdbc.queryForObject("SELECT events_applied FROM league_table_campaign WHERE generation = 0",
                Long.class)).as("the history's six events (the launch among them) and C's two").isEqualTo(8);
        assertThat(current().row(C).orElseThrow().total()).isPositive();
        assertThat(rows(0)).isEqualTo(freshRebuild());
    }

    @Test
    void aTableWrittenByAnotherNodeSendsTheCampaignBackToTheStore() {
        history();
        // Another node (its own memory) processes the next event of the campaign while it holds the segment.
        LeagueTableProjection otherNode = new LeagueTableProjection(new CampaignHistories(events),
                new LeagueTableStore(store.jdbc), states, clock);
        TrackedEventMessage<?> elsewhere = store.appendDelivered(participation(B), "Participation",
                new ReportVerified(participation(B), ID, B, "P1", values("130", "0"), Map.of(), "đạt"),
                JULY.plusSeconds(90), "tester");
        Deliver.to(otherNode, elsewhere);
        // This node gets the segment back; its fold lacks B's verification, which it will never be sent again.
        long loadsBefore = projection.foldsLoaded();
        record(participation(C), "Participation",
                new PledgeSubmitted(participation(C), ID, C, values("100", "1")), JULY.plusSeconds(120));

        assertThat(projection.foldsLoaded()).isEqualTo(loadsBefore + 1);
        assertThat(current().row(B).orElseThrow().provisional()).as("B's verification counts").isFalse();
        assertThat(rows(0)).isEqualTo(freshRebuild());
    }

    @Test
    void anEventWhosePredecessorTheFoldNeverSawReloadsTheCampaign() {
        history();
        // A's second report is in the store, but this node is never sent it (another node's batch, or a processor
        // that started past it); the stored count still matches this node's fold.
        store.append(participation(A), "Participation",
                new ReportSubmitted(participation(A), ID, A, "P2", values("120", "1"), false), JULY.plusSeconds(70),
                "tester");
        record(participation(A), "Participation",
                new ReportSubmitted(participation(A), ID, A, "P3", values("125", "1"), false), JULY.plusSeconds(80));

        assertThat(rows(0)).isEqualTo(freshRebuild());
        assertThat(projection.foldsLoaded()).isEqualTo(2);
    }

    @Test
    void aStoredTableThatDisagreesWithTheFoldIsNotTrusted() {
        history();
        // As if this node's last write had rolled back after its fold changed: the stored count is behind.
        store.jdbc.update("UPDATE league_table_campaign SET events_applied = events_applied - 1");
        record(participation(C), "Participation",
                new PledgeSubmitted(participation(C), ID, C, values("100", "1")), JULY.plusSeconds(120));

        assertThat(projection.foldsLoaded()).isEqualTo(2);
        assertThat(store.jdbc.queryForObject("SELECT events_applied FROM league_table_campaign WHERE generation = 0",
                Long.class)).as("the history's six events (the launch among them) and C's pledge").isEqualTo(7);
        assertThat(rows(0)).isEqualTo(freshRebuild());
    }

    /** The rows a rebuild from the store writes, in another generation, for comparison with the live ones. */
    private List<Map<String, Object>> freshRebuild() {
        int live = states.activeGeneration(LeagueTableProjection.NAME);
        rebuilder.replayNow(LeagueTableProjection.NAME);
        int rebuilt = states.activeGeneration(LeagueTableProjection.NAME);
        assertThat(rebuilt).isNotEqualTo(live);
        return rows(rebuilt);
    }

    @Test
    void asOfShowsTheTableAsItStoodThen() {
        history();
        LeagueTable june = queries.handle(new LeagueTableQuery(ID, JUNE.plusSeconds(1), null));
        // Only A's P1 report existed: 66 + 40 = 106, not yet verified.
        assertThat(june.row(A).orElseThrow().total()).isEqualByComparingTo("106");
        assertThat(june.row(A).orElseThrow().provisional()).isTrue();
        assertThat(june.row(B).orElseThrow().total()).isEqualByComparingTo("0");
    }

    private List<Map<String, Object>> rows(int generation) {
        return store.jdbc.queryForList("SELECT campaign_id, unit_code, rules_version, position, rank, unit_name,"
                + " total, penalties, provisional, contents, indicators FROM league_table_row WHERE generation = ?"
                + " ORDER BY campaign_id, position", generation);
    }
}
