package vn.thidua.query.evidence;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.participation.EvidenceAttached;
import vn.thidua.domain.participation.EvidenceWithdrawn;
import vn.thidua.domain.participation.ReportSubmitted;
import vn.thidua.domain.shared.StreamIds;
import vn.thidua.eventstore.EventTable;
import vn.thidua.eventstore.StoredEvent;
import vn.thidua.query.projection.ProjectionRebuilder;
import vn.thidua.query.projection.ProjectionStates;
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

/** The evidence projection: a known history, a withdrawal marked not deleted, a replay giving the same rows. */
class EvidenceProjectionTest {
    private static final Instant T0 = Instant.parse("2025-03-01T02:00:00Z");
    private static final String SHA = "0123456789abcdef".repeat(4);

    private TestEventStore store;
    private ProjectionStates states;
    private EvidenceProjection projection;
    private EvidenceQueries queries;
    private long clockSeconds;

    @BeforeEach
    void setUp() {
        store = new TestEventStore();
        states = new ProjectionStates(store.jdbc, Clock.fixed(Instant.parse("2025-08-01T00:00:00Z"), ZoneOffset.UTC));
        projection = new EvidenceProjection(store.jdbc, states, new EventTable(store.jdbc, store.transactions));
        queries = new EvidenceQueries(store.jdbc, states);
    }

    private void record(String stream, Object event, String user) {
        Instant at = T0.plusSeconds(clockSeconds += 3600);
        long position = store.append(stream, "Participation", event, at, user);
        projection.apply(0, new StoredEvent(position, at, stream, 0, event.getClass().getName(), event,
                Map.of("actorUser", user)));
    }

    private static EvidenceAttached attached(String unit, String id, String indicator, String name) {
        return new EvidenceAttached(participation(unit), ID, unit, "P1", id, SHA, name, "application/pdf", 2048,
                indicator, "Bản chụp biên bản", "off-" + unit);
    }

    private void history() {
        record(StreamIds.campaign(ID), launched(), "head");
        record(participation(A), new ReportSubmitted(participation(A), ID, A, "P1", values("50", "0"), false), "off-a");
        record(participation(A), attached(A, "e1", "Q", "Biên bản họp.pdf"), "off-a");
        record(participation(A), attached(A, "e2", null, "Ảnh hiện trường.pdf"), "off-a");
        record(participation(A), new EvidenceWithdrawn(participation(A), ID, A, "P1", "e2", "Ảnh hiện trường.pdf", "Nhầm tệp"), "off-a");
        record(participation(B), attached(B, "e3", null, "Báo cáo.pdf"), "off-b");
    }

    @Test
    void keepsEveryFileAndMarksAWithdrawalWithoutDeleting() {
        history();
        List<EvidenceRow> a = queries.forReport(ID, A, "P1");
        assertThat(a).extracting(EvidenceRow::evidenceId, EvidenceRow::fileName, EvidenceRow::indicatorCode,
                        EvidenceRow::withdrawn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("e1", "Biên bản họp.pdf", "Q", false),
                        org.assertj.core.groups.Tuple.tuple("e2", "Ảnh hiện trường.pdf", null, true));
        EvidenceRow withdrawn = queries.byId("e2").orElseThrow();
        assertThat(withdrawn.withdrawnReason()).isEqualTo("Nhầm tệp");
        assertThat(withdrawn.withdrawnBy()).isEqualTo("off-a");
        assertThat(withdrawn.sha256()).isEqualTo(SHA);
        assertThat(withdrawn.uploadedBy()).isEqualTo("off-" + A);
        assertThat(queries.forUnit(ID, B)).extracting(EvidenceRow::evidenceId).containsExactly("e3");
        assertThat(queries.forCampaign(ID)).hasSize(3);
    }

    @Test
    void aReplayGivesExactlyTheRowsTheLivePathGave() {
        history();
        List<Map<String, Object>> live = rows(0);
        new ProjectionRebuilder(List.of(projection), states, new EventTable(store.jdbc, store.transactions),
                store.transactions).replayNow(EvidenceProjection.NAME);
        assertThat(states.activeGeneration(EvidenceProjection.NAME)).isEqualTo(1);
        assertThat(rows(1)).isEqualTo(live).hasSize(3);
        assertThat(queries.byId("e2").orElseThrow().withdrawn()).isTrue();
    }

    @Test
    void applyingTheSameEventTwiceChangesNothing() {
        history();
        List<Map<String, Object>> once = rows(0);
        EvidenceAttached again = attached(A, "e1", "Q", "Biên bản họp.pdf");
        projection.apply(0, new StoredEvent(3, T0.plusSeconds(3 * 3600), participation(A), 1,
                again.getClass().getName(), again, Map.of("actorUser", "off-a")));
        assertThat(rows(0)).isEqualTo(once);
    }

    private List<Map<String, Object>> rows(int generation) {
        return store.jdbc.queryForList("SELECT evidence_id, campaign_id, unit_code, period_code, indicator_code,"
                + " sha256, file_name, media_type, size, note, uploaded_by, uploaded_at, position, withdrawn,"
                + " withdrawn_reason, withdrawn_by, withdrawn_at FROM evidence WHERE generation = ?"
                + " ORDER BY evidence_id", generation);
    }
}
