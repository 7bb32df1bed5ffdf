package vn.thidua.query.league;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thidua.query.testsupport.SmallCampaign.A;
import static vn.thidua.query.testsupport.SmallCampaign.ID;
import static vn.thidua.query.testsupport.SmallCampaign.JULY;
import static vn.thidua.query.testsupport.SmallCampaign.LAUNCH;
import static vn.thidua.query.testsupport.SmallCampaign.launched;
import static vn.thidua.query.testsupport.SmallCampaign.participation;
import static vn.thidua.query.testsupport.SmallCampaign.values;

/**
 * The in-memory league tables answer exactly what the uncached read answers, and never a stale table: a new write,
 * a rewrite at the same position, and a generation switch are each seen on the next read.
 */
class LeagueTableCacheTest {
    private static final Instant NOW = Instant.parse("2025-08-01T00:00:00Z");

    private TestEventStore store;
    private LeagueTableStore tables;
    private ProjectionStates states;
    private LeagueTableProjection projection;
    private ProjectionRebuilder rebuilder;
    private LeagueTableQueries queries;
    private LeagueTableCache cache;

    @BeforeEach
    void setUp() {
        store = new TestEventStore();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        EventTable events = new EventTable(store.jdbc, store.transactions);
        states = new ProjectionStates(store.jdbc, clock);
        tables = new LeagueTableStore(store.jdbc);
        CampaignHistories histories = new CampaignHistories(events);
        projection = new LeagueTableProjection(histories, tables, states, clock);
        rebuilder = new ProjectionRebuilder(List.of(projection), states, events, store.transactions);
        queries = new LeagueTableQueries(tables, histories, events, clock);
        cache = new LeagueTableCache(tables, 8);
    }

    private void record(String stream, String type, Object event, Instant at) {
        TrackedEventMessage<?> message = store.appendDelivered(stream, type, event, at, "tester");
        Deliver.to(projection, message);
    }

    private void history() {
        SmallCampaign.launchPledgeAndReport(this::record);
    }

    /** The read without any cache: the serving generation, then the campaign's stored rows. */
    private LeagueTable uncached() {
        return tables.read(states.activeGeneration(LeagueTableProjection.NAME), ID).orElseThrow();
    }

    private StoredLeagueTable current() {
        return cache.current(ID).orElseThrow();
    }

    @Test
    void answersFromMemoryWhileNothingWasWrittenAndEqualsTheUncachedRead() {
        history();
        StoredLeagueTable first = current();
        StoredLeagueTable second = current();
        assertThat(second).isSameAs(first);
        assertThat(cache.misses()).isEqualTo(1);
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(first.table()).isEqualTo(uncached());
        assertThat(first.table().rows()).hasSize(3);
        assertThat(first.stamp().generation()).isZero();
        assertThat(first.stamp().computedAt()).isEqualTo(NOW.toString());
        // The query handler's plain case answers the same, from its own cache, also on a second read.
        LeagueTable viaQuery = queries.handle(new LeagueTableQuery(ID, null, null));
        assertThat(viaQuery).isEqualTo(uncached());
        assertThat(queries.handle(new LeagueTableQuery(ID, null, null))).isSameAs(viaQuery);
        assertThat(queries.stored(ID).orElseThrow().stamp()).isEqualTo(first.stamp());
    }

    @Test
    void theNextReadAfterTheProjectionWritesANewTableAnswersTheNewOne() {
        history();
        StoredLeagueTable before = current();
        assertThat(before.table().row(A).orElseThrow().provisional()).isTrue();
        LeagueTable beforeViaQuery = queries.handle(new LeagueTableQuery(ID, null, null));

        record(participation(A), "Participation", new ReportVerified(participation(A), ID, A, "P1",
                values("110", "1"), Map.of(), "đạt"), JULY.plusSeconds(60));

        StoredLeagueTable after = current();
        assertThat(after.stamp()).isNotEqualTo(before.stamp());
        assertThat(after.table()).isNotEqualTo(before.table()).isEqualTo(uncached());
        assertThat(after.table().row(A).orElseThrow().provisional()).isFalse();
        assertThat(cache.misses()).isEqualTo(2);
        LeagueTable afterViaQuery = queries.handle(new LeagueTableQuery(ID, null, null));
        assertThat(afterViaQuery).isNotEqualTo(beforeViaQuery).isEqualTo(uncached());
    }

    @Test
    void aRewriteAtTheSamePositionButALaterInstantIsSeen() {
        history();
        StoredLeagueTable before = current();
        LeagueTable changed = withTotals(before.table(), new BigDecimal("7.0000"));
        tables.write(0, changed, before.stamp().lastPosition(), 0, NOW.plusMillis(1));

        StoredLeagueTable after = servedWithTotals("7.0000");
        assertThat(after.stamp().lastPosition()).isEqualTo(before.stamp().lastPosition());
    }

    @Test
    void aGenerationSwitchIsSeen() {
        history();
        StoredLeagueTable before = current();
        // Generation 1 holds another table under the very same position and instant: only the generation differs.
        tables.write(1, withTotals(before.table(), new BigDecimal("1.0000")), before.stamp().lastPosition(), 0, NOW);
        assertThat(current()).isSameAs(before);

        store.jdbc.update("UPDATE projection_state SET active_generation = 1 WHERE name = ?",
                LeagueTableProjection.NAME);
        StoredLeagueTable after = servedWithTotals("1.0000");
        assertThat(after.stamp().generation()).isEqualTo(1);
    }

    @Test
    void aRebuildIsSeenAndGivesTheSameTable() {
        history();
        StoredLeagueTable before = current();
        rebuilder.replayNow(LeagueTableProjection.NAME);
        StoredLeagueTable after = current();
        assertThat(after).isNotSameAs(before);
        assertThat(after.stamp().generation()).isEqualTo(1);
        assertThat(after.table()).isEqualTo(before.table()).isEqualTo(uncached());
    }

    @Test
    void nothingIsAnsweredOrRememberedWhileNoTableIsStored() {
        TrackedEventMessage<?> launch = store.appendDelivered(StreamIds.campaign(ID), "Campaign", launched(), LAUNCH,
                "tester");
        assertThat(cache.current(ID)).isEmpty();
        assertThat(cache.size()).isZero();
        // The query then computes the table from the history, as before.
        assertThat(queries.handle(new LeagueTableQuery(ID, null, null)).rows()).hasSize(3);

        Deliver.to(projection, launch);
        assertThat(cache.current(ID)).isPresent();
        tables.clear(0);
        assertThat(cache.current(ID)).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void forgetsTheLeastRecentlyReadCampaignBeyondItsSize() {
        LeagueTableCache small = new LeagueTableCache(tables, 2);
        for (String id : List.of("c1", "c2", "c3")) {
            tables.write(0, table(id, BigDecimal.ONE, 3), 1, 0, NOW);
        }
        small.current("c1");
        small.current("c2");
        small.current("c1");
        small.current("c3");
        assertThat(small.size()).isEqualTo(2);
        assertThat(small.misses()).isEqualTo(3);
        small.current("c1");
        assertThat(small.misses()).as("c1 was read recently: kept").isEqualTo(3);
        small.current("c2");
        assertThat(small.misses()).as("c2 was the least recently read: forgotten").isEqualTo(4);
    }

    /**
     * A write replaces the campaign row and its rows in one transaction. While a writer keeps rewriting the table
     * (every row's total equal to the write's position), every answer's rows belong to the stamp answered with them.
     */
    @Test
    void rowsAreNeverRememberedUnderAnotherWritesStamp() throws Exception {
        TransactionTemplate tx = new TransactionTemplate(store.transactions);
        tables.write(0, table(ID, BigDecimal.ZERO, 20), 0, 0, NOW);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<?> writer = pool.submit(() -> {
                try {
                    for (int k = 1; k <= 300; k++) {
                        long position = k;
                        tx.executeWithoutResult(s -> tables.write(0, table(ID, BigDecimal.valueOf(position), 20),
                                position, 0, NOW.plusSeconds(position)));
                    }
                } finally {
                    writing.set(false);
                }
            });
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    int reads = 0;
                    while (writing.get() || reads == 0) {
                        StoredLeagueTable t = cache.current(ID).orElseThrow();
                        assertThat(t.table().rows()).hasSize(20).allSatisfy(row ->
                                assertThat(row.total().longValueExact()).isEqualTo(t.stamp().lastPosition()));
                        reads++;
                    }
                    return reads;
                }));
            }
            writer.get();
            for (Future<Integer> reader : readers) {
                assertThat(reader.get()).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }
        StoredLeagueTable last = current();
        assertThat(last.stamp().lastPosition()).isEqualTo(300);
        assertThat(last.table()).isEqualTo(uncached());
    }

    @Test
    void aWriteBetweenTheStampCheckAndTheRowsIsRememberedUnderItsOwnStamp() {
        tables.write(0, table(ID, BigDecimal.ZERO, 20), 0, 0, NOW);
        AtomicBoolean raced = new AtomicBoolean();
        // A store whose stamp check is overtaken, once, by a write that commits before the rows are read.
        LeagueTableStore racing = new LeagueTableStore(store.jdbc) {
            @Override
            Optional<StoredLeagueTable.Stamp> servingStamp(String campaignId) {
                Optional<StoredLeagueTable.Stamp> stamp = super.servingStamp(campaignId);
                if (raced.compareAndSet(false, true)) {
                    tables.write(0, table(ID, BigDecimal.valueOf(7), 20), 7, 0, NOW.plusSeconds(7));
                }
                return stamp;
            }
        };
        LeagueTableCache racingCache = new LeagueTableCache(racing, 8);

        StoredLeagueTable served = racingCache.current(ID).orElseThrow();

        assertThat(served.stamp().lastPosition()).as("the stamp of the rows read, not the one checked").isEqualTo(7);
        assertThat(served.table().rows()).hasSize(20)
                .allSatisfy(row -> assertThat(row.total().longValueExact()).isEqualTo(7));
        assertThat(racingCache.current(ID).orElseThrow()).as("remembered under that stamp").isSameAs(served);
        assertThat(racingCache.hits()).isEqualTo(1);
    }

    private static LeagueTable withTotals(LeagueTable table, BigDecimal total) {
        return new LeagueTable(table.campaignId(), table.rulesVersion(), table.asOf(), table.rows().stream()
                .map(r -> new LeagueRow(r.rank(), r.unitCode(), r.unitName(), total, r.provisional(), r.contents(),
                        r.indicators(), r.penalties()))
                .toList());
    }

    private static LeagueTable table(String campaignId, BigDecimal total, int rows) {
        List<LeagueRow> list = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            list.add(new LeagueRow(1, "U" + i, "Đơn vị " + i, total, false, Map.of("C1", total),
                    Map.of("Q", total), BigDecimal.ZERO));
        }
        return new LeagueTable(campaignId, 1, NOW, list);
    }

    /** The table served now: every unit at this total, and the same as the table computed afresh. */
    private StoredLeagueTable servedWithTotals(String total) {
        StoredLeagueTable served = current();
        assertThat(served.table().rows()).allSatisfy(r -> assertThat(r.total()).isEqualTo(new BigDecimal(total)));
        assertThat(served.table()).isEqualTo(uncached());
        return served;
    }
}
