package vn.thidua.command.participation;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.participation.EvidenceAttached;
import vn.thidua.domain.participation.EvidenceWithdrawn;
import vn.thidua.domain.participation.PledgeRevised;
import vn.thidua.domain.participation.PledgeSubmitted;
import vn.thidua.domain.participation.ReportCorrected;
import vn.thidua.domain.participation.ReportRejected;
import vn.thidua.domain.participation.ReportSubmitted;
import vn.thidua.domain.participation.ReportVerified;
import vn.thidua.eventstore.EventJson;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A participation snapshot is the aggregate written with the event serializer: its state (the domain's
 * UnitSubmissions fold) must come back equal, and the snapshot must carry the aggregate's revision, so that
 * Axon's RevisionSnapshotFilter skips snapshots of the earlier state's form.
 */
class ParticipationSnapshotTest {
    private final Serializer serializer = JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();

    @Test
    void theFoldSurvivesASnapshotRoundTrip() {
        Participation p = new Participation();
        String id = "participation:c:YEN_DINH";
        p.on(new PledgeSubmitted(id, "c", "YEN_DINH", Map.of("X", new BigDecimal("100"))), "r1");
        p.on(new PledgeRevised(id, "c", "YEN_DINH", Map.of("X", new BigDecimal("120")),
                Map.of("X", new BigDecimal("100"))), null);
        p.on(new ReportSubmitted(id, "c", "YEN_DINH", "Q1", Map.of("X", new BigDecimal("40.5")), true), "r2");
        p.on(new ReportCorrected(id, "c", "YEN_DINH", "Q1", Map.of("X", new BigDecimal("41")),
                Map.of("X", new BigDecimal("40.5")), "gõ nhầm", true), null);
        p.on(new ReportVerified(id, "c", "YEN_DINH", "Q1", Map.of("X", new BigDecimal("39")),
                Map.of("X", new BigDecimal("39")), "đã kiểm tra"), null);
        p.on(new ReportSubmitted(id, "c", "YEN_DINH", "Q2", Map.of("X", new BigDecimal("70")), false), null);
        p.on(new ReportRejected(id, "c", "YEN_DINH", "Q2", "thiếu minh chứng"), null);
        // Evidence (moved here from EvidenceSnapshotTest, which used a plain mapper that knows no fold).
        p.on(new EvidenceAttached(id, "c", "YEN_DINH", "Q1", "e1", "a".repeat(64), "Biên bản.pdf", "application/pdf",
                10, null, null, "off-yd"), "r3");
        p.on(new EvidenceAttached(id, "c", "YEN_DINH", "Q1", "e2", "b".repeat(64), "Ảnh.png", "image/png", 20, "X",
                "ghi chú", "off-yd"), "r4");
        p.on(new EvidenceWithdrawn(id, "c", "YEN_DINH", "Q1", "e2", "Ảnh.png", "Nhầm tệp"), "r5");

        SerializedObject<String> written = serializer.serialize(p, String.class);
        assertThat(written.getType().getRevision()).isEqualTo("2");
        Participation back = serializer.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(
                written.getData(), String.class, new SimpleSerializedType(Participation.class.getName(), "2")));

        assertThat(back).usingRecursiveComparison().isEqualTo(p);
        assertThat(written.getData()).contains("thiếu minh chứng", "\"corrections\":1", "YEN_DINH");
        assertThat(written.getData()).contains("\"e1\"", "\"e2\"", "Ảnh.png", "\"withdrawn\":true");
    }
}
