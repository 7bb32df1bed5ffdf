package vn.thidua.web.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.thidua.web.testsupport.Api.Response;
import vn.thidua.web.testsupport.Fixture;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.thidua.web.testsupport.Driver.map;
import static vn.thidua.web.testsupport.Problems.assertInvalid;
import static vn.thidua.web.testsupport.Problems.assertProblem;
import static vn.thidua.web.testsupport.Problems.assertRule;

/**
 * Cross-inspection and the final table through the API: inspection teams, an inspector's verification with a
 * reason for each changed value, the self-score table beside the verified one, the meeting's approval.
 */
abstract class InspectionScenarios extends CommendationScenarios {

    private Response assign(Fixture f, String period, int inspector, int... inspected) {
        List<String> units = java.util.Arrays.stream(inspected).mapToObj(f::unit).toList();
        return api.post(f.campaignPath() + "/inspections").as(f.head()).header("Consistency", "wait")
                .json(map("periodCode", period, "inspectorUnit", f.unit(inspector), "inspectedUnits", units)).send();
    }

    private Response verify(Fixture f, int unit, Object body, vn.thidua.web.testsupport.Api.Creds as) {
        return api.post(f.reportPath(unit, "Q1") + "/verification").as(as).header("Consistency", "wait")
                .json(body).send();
    }

    @Test
    void anInspectorUnitVerifiesTheUnitsItWasSentToWithAReasonForEveryChange() {
        Fixture f = campaign();
        for (int u = 0; u < 3; u++) {
            driver.pledged(f, u, 100, true, 50);
        }
        driver.reported(f, 1, "Q1", 115, true, 75);

        assertRule(recordsNothing(() -> assign(f, "Q1", 2, 1, 2)), "inspection.self");
        assertProblem(recordsNothing(() -> api.post(f.campaignPath() + "/inspections").as(f.officer(2))
                .json(map("periodCode", "Q1", "inspectorUnit", f.unit(2), "inspectedUnits", List.of(f.unit(1))))
                .send()), 403, "forbidden", "Forbidden");
        Response r = records(1, () -> assign(f, "Q1", 2, 1));
        assertStatus(r, 201);
        String inspectionId = r.json().path("inspectionId").asText();
        JsonNode list = api.get(f.campaignPath() + "/inspections").as(f.auditor()).send().json();
        assertThat(list).singleElement().satisfies(i -> {
            assertThat(i.path("inspectionId").asText()).isEqualTo(inspectionId);
            assertThat(i.path("periodCode").asText()).isEqualTo("Q1");
            assertThat(i.path("inspectorUnit").asText()).isEqualTo(f.unit(2));
            assertThat(i.path("inspectedUnits").get(0).asText()).isEqualTo(f.unit(1));
        });

        // A peer that was not sent (the head unit's officer) may not verify.
        assertProblem(recordsNothing(() -> verify(f, 1, map("verdict", "VERIFIED", "comment", "đạt"),
                f.officer(0))), 403, "forbidden", "Forbidden");
        // A changed value needs its reason, named by field.
        assertInvalid(recordsNothing(() -> verify(f, 1, map("verdict", "VERIFIED", "comment", "kiểm tra chéo",
                "verifiedValues", map("REV", 105)), f.officer(2))), "reasons.REV");
        r = records(1, () -> verify(f, 1, map("verdict", "VERIFIED", "comment", "kiểm tra chéo",
                "verifiedValues", map("REV", 105), "reasons", map("REV", "Khoản thu 10 tỷ chưa có chứng từ")),
                f.officer(2)));
        assertStatus(r, 200);

        JsonNode report = api.get(f.reportPath(1, "Q1")).as(f.auditor()).send().json();
        JsonNode rev = report.path("indicators").path("REV");
        assertNumber(rev.path("reported"), "115");
        assertNumber(rev.path("verified"), "105");
        assertThat(rev.path("verifiedBy").asText()).isEqualTo(f.unit(2));
        assertThat(rev.path("reason").asText()).isEqualTo("Khoản thu 10 tỷ chưa có chứng từ");
        JsonNode ok = report.path("indicators").path("OK");
        assertThat(ok.path("reason").isNull()).isTrue();

        // The progress answer gives the same, from its projection.
        await().untilAsserted(() -> {
            JsonNode progress = api.get(f.campaignPath() + "/progress/" + f.unit(1)).as(f.auditor()).send().json();
            JsonNode revProgress = null;
            for (JsonNode indicator : progress.path("indicators")) {
                if (indicator.path("code").asText().equals("REV")) {
                    revProgress = indicator.path("history").get(0);
                }
            }
            assertThat(revProgress).isNotNull();
            assertNumber(revProgress.path("reported"), "115");
            assertNumber(revProgress.path("verified"), "105");
            assertThat(revProgress.path("verifiedBy").asText()).isEqualTo(f.unit(2));
            assertThat(revProgress.path("reason").asText()).isEqualTo("Khoản thu 10 tỷ chưa có chứng từ");
        });

        // The self-score counts the reported 115 %, the verified table the inspected 105 % (below the cap of 120 %).
        await().untilAsserted(() -> {
            JsonNode verified = api.get(f.campaignPath() + "/league-table").as(f.auditor()).send().json();
            JsonNode reported = api.get(f.campaignPath() + "/league-table?basis=reported").as(f.auditor()).send()
                    .json();
            assertThat(total(reported, f.unit(1))).isGreaterThan(total(verified, f.unit(1)));
        });
        assertInvalidParameter(api.get(f.campaignPath() + "/league-table?basis=guessed").as(f.auditor()).send());
    }

    /** Until every projection is live again and caught up with the store (after a replay). */
    abstract void awaitRebuilt();

    private static void assertInvalidParameter(Response r) {
        assertThat(r.status()).as("%s", r).isEqualTo(400);
    }

    private static java.math.BigDecimal total(JsonNode table, String unit) {
        for (JsonNode row : table.path("rows")) {
            if (row.path("unitCode").asText().equals(unit)) {
                return row.path("total").decimalValue();
            }
        }
        throw new AssertionError("no row for " + unit + " in " + table);
    }

    @Test
    void theMeetingApprovesTheClosedTableOnceAndItNeverChangesAfterwards() {
        Fixture f = scoredCampaign();
        assertRule(recordsNothing(() -> approveTable(f)), "league-table.approval-before-close");
        assertStatus(closeOnly(f), 200);
        assertThat(api.get(f.campaignPath() + "/league-table?approved=true").as(f.auditor()).send().status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/public/campaigns/" + f.campaignId() + "/league-table").send().status())
                .as("nothing is published before the approval").isEqualTo(404);
        assertProblem(recordsNothing(() -> api.post(f.campaignPath() + "/league-table/approval").as(f.officer(1))
                .json(map("meetingDate", today())).send()), 403, "forbidden", "Forbidden");

        Response r = records(1, () -> approveTable(f));
        assertStatus(r, 201);
        assertThat(r.json().path("approvalId").asText()).isNotBlank();
        assertThat(r.json().path("rulesVersion").asInt()).isEqualTo(1);
        long position = r.json().path("position").asLong();
        assertThat(position).isPositive();

        JsonNode approved = api.get(f.campaignPath() + "/league-table?approved=true").as(f.auditor()).send().json();
        JsonNode current = api.get(f.campaignPath() + "/league-table").as(f.auditor()).send().json();
        assertThat(approved.path("rows")).isEqualTo(current.path("rows"));
        assertThat(approved.path("rows").get(0).path("unitCode").asText()).isEqualTo(f.unit(1));

        // Published without sign-in, exactly as approved.
        Response published = api.get("/api/v1/public/campaigns/" + f.campaignId() + "/league-table").send();
        assertStatus(published, 200);
        assertThat(published.json()).isEqualTo(approved);
        assertThat(api.post(f.campaignPath() + "/league-table/approval").json(map("meetingDate", today())).send()
                .status()).as("writing still needs a sign-in").isEqualTo(401);

        assertRule(recordsNothing(() -> approveTable(f)), "league-table.already-approved");
        // A replay rebuilds the live table; the approved one is the event's, unchanged.
        assertStatus(api.post("/api/v1/admin/projections/league-table/replay").as(OPERATOR).send(), 202);
        awaitRebuilt();
        assertThat(api.get(f.campaignPath() + "/league-table?approved=true").as(f.auditor()).send().json())
                .isEqualTo(approved);
    }

    @Test
    void aTableWithAProvisionalRowIsNotApproved() {
        Fixture f = campaign();
        for (int u = 0; u < 3; u++) {
            driver.pledged(f, u, 100, true, 50);
            driver.reported(f, u, "Q1", 100 + u, true, 50);
        }
        assertStatus(closeOnly(f), 200);
        assertRule(recordsNothing(() -> approveTable(f)), "league-table.provisional-rows");
    }
}
