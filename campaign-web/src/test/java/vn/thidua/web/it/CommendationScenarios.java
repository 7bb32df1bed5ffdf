package vn.thidua.web.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.thidua.web.testsupport.Api.Response;
import vn.thidua.web.testsupport.Fixture;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thidua.web.testsupport.Driver.map;
import static vn.thidua.web.testsupport.Problems.assertProblem;
import static vn.thidua.web.testsupport.Problems.assertRule;

/** Commendations through the API: proposal after close with the ballot, approval, conferral, refusals. */
abstract class CommendationScenarios extends WriteSideScenarios {

    @Test
    void closedCampaignEndsInAConferredProvincialFlag() {
        Fixture f = scoredCampaign();
        assertStatus(close(f), 200);

        Response r = records(2, () -> propose(f, proposal(f.unit(1), "PROVINCIAL_FLAG", 3, 0, 3)));
        assertStatus(r, 201);
        String id = r.json().path("commendationId").asText();
        assertThat(id).isNotBlank();

        r = records(1, () -> api.post("/api/v1/commendations/" + id + "/approval").as(f.board())
                .json(map("comment", "Ban Thi đua – Khen thưởng tỉnh thống nhất")).send());
        assertThat(r.status()).as("%s", r).isBetween(200, 204);
        r = records(1, () -> api.post("/api/v1/commendations/" + id + "/conferral").as(f.board())
                .json(map("decisionNo", "1234/QĐ-UBND", "decisionDate", today())).send());
        assertThat(r.status()).as("%s", r).isBetween(200, 204);

        r = api.get(f.campaignPath() + "/commendations").as(f.auditor()).send();
        assertStatus(r, 200);
        JsonNode list = r.json().isArray() ? r.json() : r.json().path("commendations");
        assertThat(list).anySatisfy(c -> {
            assertThat(c.path("commendationId").asText()).isEqualTo(id);
            assertThat(c.path("unitCode").asText()).isEqualTo(f.unit(1));
            assertThat(c.path("award").asText()).isEqualTo("PROVINCIAL_FLAG");
            assertThat(c.path("status").asText()).isEqualTo("CONFERRED");
        });

        // The unit's award history lists it, with its decision.
        JsonNode awards = api.get("/api/v1/units/" + f.unit(1) + "/awards").as(f.auditor()).send().json();
        assertThat(awards).anySatisfy(a -> {
            assertThat(a.path("commendationId").asText()).isEqualTo(id);
            assertThat(a.path("campaignId").asText()).isEqualTo(f.campaignId());
            assertThat(a.path("award").asText()).isEqualTo("PROVINCIAL_FLAG");
            assertThat(a.path("status").asText()).isEqualTo("CONFERRED");
            assertThat(a.path("decisionNo").asText()).isEqualTo("1234/QĐ-UBND");
            assertThat(a.path("year").asInt()).isPositive();
        });
        assertThat(api.get("/api/v1/units/" + f.unit(2) + "/awards").as(f.auditor()).send().json())
                .noneSatisfy(a -> assertThat(a.path("commendationId").asText()).isEqualTo(id));
    }

    @Test
    void commendationBeforeCloseIsRefused() {
        Fixture f = scoredCampaign();
        assertProposalRefused(f, proposal(f.unit(1), "PROVINCIAL_FLAG", 3, 0, 3), "commendation.campaign-open");
    }

    @Test
    void flagWithoutBallotMajorityIsRefused() {
        Fixture f = scoredCampaign();
        assertStatus(close(f), 200);
        assertProposalRefused(f, proposal(f.unit(1), "PROVINCIAL_FLAG", 1, 2, 3), "commendation.no-majority");
        assertProposalRefused(f, proposal(f.unit(1), "PROVINCIAL_FLAG", 2, 0, 4), "commendation.no-majority");
    }

    @Test
    void aFlagWithoutAnApprovedTableIsRefused() {
        Fixture f = scoredCampaign();
        assertStatus(closeOnly(f), 200);
        assertProposalRefused(f, proposal(f.unit(1), "PROVINCIAL_FLAG", 3, 0, 3), "commendation.table-not-approved");
        // A certificate of merit needs no approved table.
        assertStatus(records(2, () -> propose(f, proposal(f.unit(2), "CERTIFICATE", 3, 0, 3))), 201);
    }

    @Test
    void conferralBeforeApprovalIsRefused() {
        Fixture f = scoredCampaign();
        Response r = flagProposedAfterClose(f);
        String id = r.json().path("commendationId").asText();
        assertRule(recordsNothing(() -> api.post("/api/v1/commendations/" + id + "/conferral").as(f.board())
                .json(map("decisionNo", "99/QĐ-UBND", "decisionDate", today())).send()),
                "commendation.not-approved");
        assertProblem(recordsNothing(() -> api.post("/api/v1/commendations/" + id + "/approval").as(f.officer(1))
                .json(map("comment", "tự duyệt")).send()), 403, "forbidden", "Forbidden");
    }
}
