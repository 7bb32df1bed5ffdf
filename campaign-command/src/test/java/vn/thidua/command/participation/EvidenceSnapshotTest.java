package vn.thidua.command.participation;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.participation.EvidenceAttached;
import vn.thidua.domain.participation.EvidenceWithdrawn;
import vn.thidua.domain.participation.PledgeSubmitted;
import vn.thidua.domain.participation.ReportSubmitted;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thidua.command.participation.ParticipationFixture.participationId;
import static vn.thidua.command.testsupport.SampleCampaign.CAMPAIGN;
import static vn.thidua.command.testsupport.SampleCampaign.H1;
import static vn.thidua.command.testsupport.SampleCampaign.U2;
import static vn.thidua.command.testsupport.SampleCampaign.validTargets;
import static vn.thidua.command.testsupport.SampleCampaign.values;

/** A participation with evidence survives a snapshot (Jackson, fields only) with its evidence as it was. */
class EvidenceSnapshotTest {

    @Test
    void theEvidenceMapRoundTripsThroughJackson() throws Exception {
        String pid = participationId(U2);
        Participation p = new Participation();
        p.on(new PledgeSubmitted(pid, CAMPAIGN, U2, validTargets()), null);
        p.on(new ReportSubmitted(pid, CAMPAIGN, U2, H1, values("120", "3.5", "1", "6"), false), null);
        p.on(new EvidenceAttached(pid, CAMPAIGN, U2, H1, "e1", "a".repeat(64), "Biên bản.pdf", "application/pdf", 10,
                null, null, "off-u2"), "r1");
        p.on(new EvidenceAttached(pid, CAMPAIGN, U2, H1, "e2", "b".repeat(64), "Ảnh.png", "image/png", 20, "REV",
                "ghi chú", "off-u2"), "r2");
        p.on(new EvidenceWithdrawn(pid, CAMPAIGN, U2, H1, "e2", "Ảnh.png", "Nhầm tệp"), "r3");

        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        String snapshot = json.writeValueAsString(p);
        Participation back = json.readValue(snapshot, Participation.class);
        assertThat(json.writeValueAsString(back)).isEqualTo(snapshot);
        assertThat(snapshot).contains("\"e1\"", "\"e2\"", "Ảnh.png", "\"withdrawn\":true");
    }
}
