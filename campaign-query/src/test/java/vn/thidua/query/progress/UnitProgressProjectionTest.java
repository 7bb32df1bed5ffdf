package vn.thidua.query.progress;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.participation.PledgeRevised;
import vn.thidua.domain.participation.PledgeSubmitted;
import vn.thidua.domain.participation.ReportCorrected;
import vn.thidua.domain.participation.ReportRejected;
import vn.thidua.domain.participation.ReportSubmitted;
import vn.thidua.domain.participation.ReportVerified;
import vn.thidua.domain.query.UnitProgress;
import vn.thidua.domain.query.UnitProgressQuery;
import vn.thidua.domain.shared.StreamIds;
import vn.thidua.query.projection.ProjectionRebuilder;
import vn.thidua.query.projection.ProjectionStates;
import vn.thidua.query.store.CampaignTermsReader;
import vn.thidua.eventstore.EventTable;
import vn.thidua.query.testsupport.Deliver;
import vn.thidua.query.testsupport.CountingJdbcTemplate;
import vn.thidua.query.testsupport.TestEventStore;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thidua.query.testsupport.SmallCampaign.A;
import static vn.thidua.query.testsupport.SmallCampaign.B;
import static vn.thidua.query.testsupport.SmallCampaign.ID;
import static vn.thidua.query.testsupport.SmallCampaign.launched;
import static vn.thidua.query.testsupport.SmallCampaign.participation;
import static vn.thidua.query.testsupport.SmallCampaign.values;

/** The unit-progress projection replays a known history; the live path and a rebuild give the same rows. */
class UnitProgressProjectionTest {
    private static final Instant T0 = Instant.parse("2025-03-01T02:00:00Z");

    private TestEventStore store;
    private ProgressStore progress;
    private ProjectionStates states;
    private UnitProgressQueries queries;
    private UnitProgressProjection projection;
    private long clockSeconds;

    @BeforeEach
    void setUp() {
        store = new TestEventStore();
        Clock clock = Clock.fixed(Instant.parse("2025-08-01T00:00:00Z"), ZoneOffset.UTC);
        EventTable events = new EventTable(store.jdbc, store.transactions);
        progress = new ProgressStore(store.jdbc);
        states = new ProjectionStates(store.jdbc, clock);
        projection = new UnitProgressProjection(progress, states, events);
        queries = new UnitProgressQueries(progress, states, new CampaignTermsReader(events));
    }

    private void record(String stream, String type, Object event) {
        Instant at = T0.plusSeconds(clockSeconds += 3600);
        long position = store.append(stream, type, event, at, "tester");
        // As the live handler receives it: with the actor the store recorded (an officer, without a unit here).
        UnitProgressProjection.apply(progress, 0, new vn.thidua.eventstore.StoredEvent(position, at, stream, 0, type,
                event, Map.of("actorUser", "tester", "actorRole", "UNIT_OFFICER")));
    }

    private void history() {
        record(StreamIds.campaign(ID), "Campaign", launched());
        record(participation(A), "Participation", new PledgeSubmitted(participation(A), ID, A, values("100", "1")));
        record(participation(A), "Participation", new PledgeRevised(participation(A), ID, A, values("120", "1"),
                values("100", "1")));
        record(participation(A), "Participation",
                new ReportSubmitted(participation(A), ID, A, "P1", values("50", "0"), false));
        record(participation(A), "Participation", new ReportVerified(participation(A), ID, A, "P1",
                values("48", "0"), Map.of("Q", new java.math.BigDecimal("48")), "sửa theo kiểm tra chéo"));
        record(participation(A), "Participation",
                new ReportSubmitted(participation(A), ID, A, "P2", values("100", "1"), true));
        record(participation(A), "Participation", new ReportRejected(participation(A), ID, A, "P2", "thiếu hồ sơ"));
        record(participation(B), "Participation", new PledgeSubmitted(participation(B), ID, B, values("100", "1")));
        record(participation(B), "Participation",
                new ReportSubmitted(participation(B), ID, B, "P1", values("40", "1"), false));
        record(participation(B), "Participation", new ReportCorrected(participation(B), ID, B, "P1",
                values("60", "1"), values("40", "1"), "nhập nhầm", false));
    }

    @Test
    void showsTargetsLatestValuesStatusAndHistory() {
        history();
        UnitProgress a = queries.handle(new UnitProgressQuery(ID, A));
        UnitProgress.Indicator q = a.indicators().get(0);
        assertThat(q.code()).isEqualTo("Q");
        assertThat(q.target()).isEqualByComparingTo("120");
        // P2 was rejected, so P1's verified 48 counts: 48 / 120 = 0.4, below the half-way mark of P1 of 2 → behind.
        assertThat(q.latest()).isEqualByComparingTo("48");
        assertThat(q.ratio()).isEqualByComparingTo("0.4");
        assertThat(q.status()).isEqualTo(UnitProgress.Status.BEHIND);
        assertThat(q.history()).extracting(UnitProgress.PeriodValue::period, UnitProgress.PeriodValue::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("P1", "VERIFIED"),
                        org.assertj.core.groups.Tuple.tuple("P2", "REJECTED"));
        assertThat(q.history().get(0).reported()).isEqualByComparingTo("50");
        assertThat(q.history().get(1).late()).isTrue();

        UnitProgress b = queries.handle(new UnitProgressQuery(ID, B));
        // B corrected P1 to 60 of 100 = 0.6 ≥ 0.5 elapsed share → on track; the yes/no indicator is achieved.
        assertThat(b.indicators().get(0).latest()).isEqualByComparingTo("60");
        assertThat(b.indicators().get(0).status()).isEqualTo(UnitProgress.Status.ON_TRACK);
        assertThat(b.indicators().get(1).status()).isEqualTo(UnitProgress.Status.ACHIEVED);

        UnitProgress c = queries.handle(new UnitProgressQuery(ID, "C"));
        assertThat(c.indicators()).allSatisfy(i -> assertThat(i.status())
                .isEqualTo(UnitProgress.Status.NOT_REPORTED));
    }

    @Test
    void aRebuildGivesExactlyTheRowsTheLivePathGave() {
        history();
        List<Map<String, Object>> liveTargets = targets(0);
        List<Map<String, Object>> liveValues = valueRows(0);
        new ProjectionRebuilder(List.of(projection), states, new EventTable(store.jdbc, store.transactions),
                store.transactions).replayNow(UnitProgressProjection.NAME);
        assertThat(states.activeGeneration(UnitProgressProjection.NAME)).isEqualTo(1);
        assertThat(targets(1)).isEqualTo(liveTargets);
        assertThat(valueRows(1)).isEqualTo(liveValues);
    }

    @Test
    void aCorrectionReplacesTheValuesButKeepsTheFirstSubmissionsLateness() {
        history();
        // A's P1 was verified at 48; P2 was late, then rejected. Both corrected on time.
        record(participation(A), "Participation", new ReportCorrected(participation(A), ID, A, "P1",
                values("55", "1"), values("50", "0"), "bổ sung", false));
        record(participation(A), "Participation", new ReportCorrected(participation(A), ID, A, "P2",
                values("110", "1"), values("100", "1"), "đã bổ sung hồ sơ", false));

        List<Map<String, Object>> rows = store.jdbc.queryForList("SELECT indicator_code, period_code, reported,"
                + " verified, status, late FROM progress_value WHERE generation = 0 AND unit_code = ?"
                + " ORDER BY period_code, indicator_code", A);
        assertThat(rows).extracting(r -> r.get("period_code"), r -> r.get("indicator_code"),
                        r -> ((java.math.BigDecimal) r.get("reported")).stripTrailingZeros().toPlainString(),
                        r -> r.get("verified"), r -> r.get("status"), r -> r.get("late"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("P1", "OK", "1", null, "SUBMITTED", false),
                        org.assertj.core.groups.Tuple.tuple("P1", "Q", "55", null, "SUBMITTED", false),
                        org.assertj.core.groups.Tuple.tuple("P2", "OK", "1", null, "SUBMITTED", true),
                        org.assertj.core.groups.Tuple.tuple("P2", "Q", "110", null, "SUBMITTED", true));
        List<Map<String, Object>> live = valueRows(0);
        new ProjectionRebuilder(List.of(projection), states, new EventTable(store.jdbc, store.transactions),
                store.transactions).replayNow(UnitProgressProjection.NAME);
        assertThat(valueRows(1)).isEqualTo(live);
    }

    @Test
    void applyingTheSameEventTwiceChangesNothing() {
        history();
        List<Map<String, Object>> once = valueRows(0);
        ReportCorrected again = new ReportCorrected(participation(B), ID, B, "P1", values("60", "1"),
                values("40", "1"), "nhập nhầm", false);
        UnitProgressProjection.apply(progress, 0, again, T0.plusSeconds(10 * 3600), 10);
        assertThat(valueRows(0)).isEqualTo(once);
    }

    @Test
    void aProcessorsBatchIsWrittenAtItsEventsPositionsWithOnePositionQuery() {
        record(StreamIds.campaign(ID), "Campaign", launched());
        List<Object> events = List.of(
                new PledgeSubmitted(participation(A), ID, A, values("100", "1")),
                new ReportSubmitted(participation(A), ID, A, "P1", values("50", "0"), false),
                new ReportCorrected(participation(A), ID, A, "P1", values("60", "1"), values("50", "0"), "bổ sung",
                        false));
        List<EventMessage<?>> batch = new java.util.ArrayList<>();
        for (Object event : events) {
            Instant at = T0.plusSeconds(clockSeconds += 3600);
            long position = store.append(participation(A), "Participation", event, at, "tester");
            String id = store.jdbc.queryForObject("SELECT event_identifier FROM domain_event_entry"
                    + " WHERE global_index = ?", String.class, position);
            batch.add(new GenericDomainEventMessage<>("Participation", participation(A), batch.size(), event,
                    MetaData.emptyInstance(), id, at));
        }
        CountingJdbcTemplate counting = new CountingJdbcTemplate(store.jdbc);
        UnitProgressProjection live = new UnitProgressProjection(progress, states,
                new EventTable(counting, store.transactions));

        new BatchingUnitOfWork<>(batch).executeWithResult(() -> {
            Deliver.to(live, (EventMessage<?>) CurrentUnitOfWork.get().getMessage());
            return null;
        });

        assertThat(counting.positionQueries()).isEqualTo(1);
        Long correction = store.jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        assertThat(store.jdbc.queryForList("SELECT DISTINCT position FROM progress_value WHERE generation = 0"
                + " AND unit_code = ?", Long.class, A)).containsExactly(correction);
        assertThat(store.jdbc.queryForList("SELECT reported FROM progress_value WHERE generation = 0"
                        + " AND unit_code = ? AND indicator_code = 'Q'", java.math.BigDecimal.class, A))
                .singleElement().satisfies(v -> assertThat(v).isEqualByComparingTo("60"));
    }

    private List<Map<String, Object>> targets(int generation) {
        return store.jdbc.queryForList("SELECT campaign_id, unit_code, indicator_code, target FROM progress_target"
                + " WHERE generation = ? ORDER BY campaign_id, unit_code, indicator_code", generation);
    }

    @Test
    void aVerificationKeepsItsVerifierAndTheReasonForEachChangedValueLiveAndOnReplay() {
        record(StreamIds.campaign(ID), "Campaign", launched());
        record(participation(A), "Participation", new PledgeSubmitted(participation(A), ID, A, values("100", "1")));
        record(participation(A), "Participation",
                new ReportSubmitted(participation(A), ID, A, "P1", values("50", "1"), false));
        ReportVerified verified = new ReportVerified(participation(A), ID, A, "P1", values("45", "1"),
                Map.of("Q", new java.math.BigDecimal("45")), "kiểm tra chéo", Map.of("Q", "thiếu chứng từ 5 tỷ"));
        Instant at = T0.plusSeconds(clockSeconds += 3600);
        long position = store.append(participation(A), "Participation", verified, at, "yendinh");
        projection.on(verified, "YEN_DINH", "UNIT_OFFICER");

        UnitProgress.PeriodValue q = queries.handle(new UnitProgressQuery(ID, A)).indicators().stream()
                .filter(i -> i.code().equals("Q")).findFirst().orElseThrow().history().get(0);
        assertThat(q.verifiedBy()).isEqualTo("YEN_DINH");
        assertThat(q.reason()).isEqualTo("thiếu chứng từ 5 tỷ");
        UnitProgress.PeriodValue ok = queries.handle(new UnitProgressQuery(ID, A)).indicators().stream()
                .filter(i -> i.code().equals("OK")).findFirst().orElseThrow().history().get(0);
        assertThat(ok.verifiedBy()).isEqualTo("YEN_DINH");
        assertThat(ok.reason()).isNull();

        // The rebuild reads the verifier from the stored metadata (no unit there: the role stands in).
        new ProjectionRebuilder(List.of(projection), states, new EventTable(store.jdbc, store.transactions),
                store.transactions).replayNow(UnitProgressProjection.NAME);
        List<Map<String, Object>> rebuilt = valueRows(1);
        assertThat(rebuilt).filteredOn(r -> "Q".equals(r.get("indicator_code")))
                .singleElement().satisfies(r -> {
                    assertThat(r.get("reason")).isEqualTo("thiếu chứng từ 5 tỷ");
                    assertThat(r.get("verified_by")).isEqualTo("UNIT_OFFICER");
                });
        assertThat(position).isPositive();
    }

    private List<Map<String, Object>> valueRows(int generation) {
        return store.jdbc.queryForList("SELECT campaign_id, unit_code, indicator_code, period_code, reported, verified,"
                + " status, late, at, position, verified_by, reason FROM progress_value WHERE generation = ?"
                + " ORDER BY campaign_id, unit_code, indicator_code, period_code", generation);
    }
}
