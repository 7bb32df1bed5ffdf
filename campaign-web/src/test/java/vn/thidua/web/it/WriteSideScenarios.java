package vn.thidua.web.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.thidua.domain.shared.Deadlines;
import vn.thidua.web.config.AppClock;
import vn.thidua.web.testsupport.Api;
import vn.thidua.web.testsupport.Api.Creds;
import vn.thidua.web.testsupport.Api.Response;
import vn.thidua.web.testsupport.Driver;
import vn.thidua.web.testsupport.Fixture;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.thidua.web.testsupport.Driver.dec;
import static vn.thidua.web.testsupport.Driver.map;
import static vn.thidua.web.testsupport.Driver.rules;
import static vn.thidua.web.testsupport.Driver.targets;
import static vn.thidua.web.testsupport.Driver.values;
import static vn.thidua.web.testsupport.Problems.assertInvalid;
import static vn.thidua.web.testsupport.Problems.assertProblem;
import static vn.thidua.web.testsupport.Problems.assertRule;

/**
 * The write side through its real HTTP API (API.md), run against each database by a concrete subclass that starts
 * the application on a random port with its own database. Every test builds its own cluster, users and campaign
 * with unique codes; every refusal is checked for its problem+json answer and for leaving the event store as it was.
 */
abstract class WriteSideScenarios extends ApiScenarioSupport {

    // ---------------------------------------------------------------- 0. input no store or reader could hold

    @Test
    void numbersOutsideTheProductsRangeAnswer400NamingTheFieldAndRecordNothing() {
        Fixture f = campaign();
        assertStatus(driver.pledge(f, 0, 110, true, 50), 201);
        for (String bad : List.of("1e-1000", "1e25", "1e999999999", "-1e999999999", "0.00000001")) {
            Response r = recordsNothing(() -> api.put(f.pledgePath(0)).as(f.officer(0))
                    .raw("{\"targets\":{\"REV\":" + bad + ",\"OK\":true,\"RATE\":50}}").send());
            assertInvalid(r, "targets.REV");
            r = recordsNothing(() -> api.put(f.reportPath(0, "Q1")).as(f.officer(0))
                    .raw("{\"values\":{\"REV\":" + bad + "}}").send());
            assertInvalid(r, "values.REV");
        }
        // the unit's history stays readable, its next write goes through
        assertStatus(api.get(f.pledgePath(0)).as(f.auditor()).send(), 200);
        assertStatus(records(1, () -> api.put(f.reportPath(0, "Q1")).as(f.officer(0))
                .raw("{\"values\":{\"REV\":999999999999.5}}").send()), 201);
        assertStatus(api.get(f.reportPath(0, "Q1")).as(f.auditor()).send(), 200);
        Response verify = recordsNothing(() -> api.post(f.reportPath(0, "Q1") + "/verification").as(f.head())
                .raw("{\"verdict\":\"VERIFIED\",\"comment\":\"ok\",\"verifiedValues\":{\"REV\":1e25}}").send());
        assertInvalid(verify, "verifiedValues.REV");
    }

    @Test
    void aPreviewWithHugeExponentsAnswers400() {
        Fixture f = campaign();
        for (String query : List.of("method=RATIO_CAPPED&cap=1e-400000", "method=RATIO_CAPPED&cap=1e999999999",
                "method=RATIO_CAPPED&cap=2&latePenalty=1e999999999")) {
            Response r = api.get(f.campaignPath() + "/league-table/preview?" + query).as(f.auditor()).send();
            assertThat(r.status()).as("%s", r).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void controlAndInvisibleCharactersInNamesAnswer400AndRecordNothing() {
        String tag = Driver.tag();
        Map<String, Object> body = driver.clusterBody("C" + tag, List.of("U1" + tag, "U2" + tag));
        @SuppressWarnings("unchecked")
        Map<String, Object> member = (Map<String, Object>) ((List<Object>) body.get("members")).get(1);
        for (String bad : List.of("Xã\u0000Thiệu", "Xã \u202EThiệu", "Xã\u200BThiệu", "Xã\u0085Thiệu")) {
            member.put("name", bad);
            assertInvalid(recordsNothing(() -> api.post("/api/v1/clusters").as(OPERATOR).json(body).send()),
                    "members[1].name");
        }
        Fixture f = unlaunched();
        Map<String, Object> launch = Driver.campaignBody(f);
        launch.put("title", "Phong trào\u0000");
        assertInvalid(recordsNothing(() -> api.post("/api/v1/campaigns").as(f.head()).json(launch).send()), "title");
        Map<String, Object> weighty = Driver.campaignBody(f);
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) ((List<Object>) weighty.get("contents")).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> indicator = (Map<String, Object>) ((List<Object>) content.get("indicators")).get(0);
        indicator.put("weight", new java.math.BigDecimal("1e-1000"));
        assertInvalid(recordsNothing(() -> api.post("/api/v1/campaigns").as(f.head()).json(weighty).send()),
                "contents[0].indicators[0].weight");
    }

    // ---------------------------------------------------------------- 1. the full scenario

    @Test
    void fullScenarioFromClusterToClosedCampaign() {
        String tag = Driver.tag();
        String cluster = "C" + tag;
        List<String> units = Driver.units(tag);
        Map<String, Object> clusterBody = driver.clusterBody(cluster, units);

        Response r = records(1, () -> api.post("/api/v1/clusters").as(OPERATOR).json(clusterBody).send());
        assertStatus(r, 201);
        assertThat(r.header("Location")).endsWith("/api/v1/clusters/" + cluster);
        assertThat(r.json().path("members")).hasSize(3);
        assertStatus(recordsNothing(() -> api.post("/api/v1/clusters").as(OPERATOR).json(clusterBody).send()), 200);

        String lower = tag.toLowerCase();
        Creds head = driver.user("head-" + lower, units.get(0), "CLUSTER_HEAD");
        Creds[] officer = new Creds[3];
        for (int i = 0; i < 3; i++) {
            officer[i] = driver.user("off" + (i + 1) + "-" + lower, units.get(i), "UNIT_OFFICER");
        }
        Creds board = driver.user("board-" + lower, null, "BOARD");
        Creds auditor = driver.user("aud-" + lower, null, "AUDITOR");
        java.time.LocalDate today = java.time.LocalDate.now(Driver.VN);
        Fixture f = new Fixture(tag, cluster, "camp-" + lower, units, head,
                Map.of(units.get(0), officer[0], units.get(1), officer[1], units.get(2), officer[2]), board, auditor,
                today.plusDays(30), today.plusDays(60), today.plusDays(200));

        // the head launches; launching again the same campaign with the same id records nothing
        Map<String, Object> campaign = Driver.campaignBody(f);
        r = records(1, () -> api.post("/api/v1/campaigns").as(head).json(campaign).send());
        assertStatus(r, 201);
        assertThat(r.header("Location")).endsWith("/api/v1/campaigns/" + f.campaignId());
        assertThat(r.json().path("campaignId").asText()).isEqualTo(f.campaignId());
        assertThat(r.json().path("status").asText()).isEqualTo("OPEN");
        r = recordsNothing(() -> api.post("/api/v1/campaigns").as(head).json(campaign).send());
        assertStatus(r, 200);
        assertThat(r.json().path("campaignId").asText()).isEqualTo(f.campaignId());

        r = api.get(f.campaignPath()).as(auditor).send();
        assertStatus(r, 200);
        assertThat(r.json().path("members")).hasSize(3);
        assertThat(r.json().path("headUnit").asText()).isEqualTo(f.headUnit());
        assertThat(r.json().path("contents")).hasSize(2);
        assertThat(api.get("/api/v1/campaigns").as(auditor).send().json().findValuesAsText("campaignId"))
                .contains(f.campaignId());

        // every officer pledges; one revises; an identical resubmission records nothing
        Object[][] pledges = {{110, true, 50}, {105, true, 60}, {100, false, 40}};
        for (int i = 0; i < 3; i++) {
            int u = i;
            r = records(1, () -> driver.pledge(f, u, pledges[u][0], pledges[u][1], pledges[u][2]));
            assertStatus(r, 201);
            assertThat(r.json().path("revision").asInt()).isZero();
        }
        r = records(1, () -> driver.pledge(f, 1, 120, true, 60));
        assertStatus(r, 200);
        assertThat(r.json().path("revision").asInt()).isEqualTo(1);
        r = recordsNothing(() -> driver.pledge(f, 1, 120.0, true, 60));
        assertStatus(r, 200);
        assertThat(r.json().path("revision").asInt()).isEqualTo(1);
        r = api.get(f.pledgePath(1)).as(auditor).send();
        assertStatus(r, 200);
        assertNumber(r.json().path("targets").path("REV"), "120");
        assertThat(r.json().path("targets").path("OK").asBoolean()).isTrue();
        assertNumber(r.json().path("targets").path("RATE"), "60");
        assertThat(r.json().path("unitCode").asText()).isEqualTo(f.unit(1));

        // every officer reports Q1; one corrects with a reason; the same correction again records nothing
        Object[][] reports = {{121, true, 55}, {150, true, 66}, {150, true, 60}};
        for (int i = 0; i < 3; i++) {
            int u = i;
            r = records(1, () -> driver.report(f, u, "Q1", values(reports[u][0], reports[u][1], reports[u][2])));
            assertStatus(r, 201);
            assertThat(r.json().path("status").asText()).isEqualTo("SUBMITTED");
            assertThat(r.json().path("late").asBoolean()).isFalse();
        }
        Map<String, Object> correction = values(140, true, 60);
        correction.put("reason", "Số liệu quý I được cập nhật theo báo cáo của Chi cục Thống kê");
        r = records(1, () -> driver.report(f, 2, "Q1", correction));
        assertStatus(r, 200);
        assertThat(r.json().path("corrections").asInt()).isEqualTo(1);
        assertNumber(r.json().path("values").path("REV"), "140");
        r = recordsNothing(() -> driver.report(f, 2, "Q1", correction));
        assertStatus(r, 200);
        assertThat(r.json().path("corrections").asInt()).isEqualTo(1);
        assertThat(payloadTypes("participation:" + f.campaignId() + ":" + f.unit(2))).containsExactly(
                "vn.thidua.domain.participation.PledgeSubmitted", "vn.thidua.domain.participation.ReportSubmitted",
                "vn.thidua.domain.participation.ReportCorrected");

        // cross-inspection: the head verifies unit 2 and fixes a value; the board verifies the head's own unit
        r = records(1, () -> api.post(f.reportPath(1, "Q1") + "/verification").as(head)
                .json(map("verdict", "VERIFIED", "comment", "Kiểm tra chéo: điều chỉnh thu ngân sách",
                        "verifiedValues", map("REV", 132),
                        "reasons", map("REV", "Khoản thu 18 tỷ chưa có chứng từ"))).send());
        assertStatus(r, 200);
        assertThat(r.json().path("status").asText()).isEqualTo("VERIFIED");
        assertNumber(r.json().path("values").path("REV"), "150");
        assertNumber(r.json().path("verifiedValues").path("REV"), "132");
        r = records(1, () -> api.post(f.reportPath(0, "Q1") + "/verification").as(board)
                .json(map("verdict", "VERIFIED", "comment", "Ban Thi đua – Khen thưởng xác minh")).send());
        assertStatus(r, 200);
        assertThat(r.json().path("status").asText()).isEqualTo("VERIFIED");
        r = api.get(f.reportPath(0, "Q1")).as(auditor).send();
        assertStatus(r, 200);
        assertThat(r.json().path("status").asText()).isEqualTo("VERIFIED");

        // rules v2, then close
        r = records(1, () -> api.post(f.campaignPath() + "/scoring-rules").as(head)
                .json(rules(2, "LEADER_INTERPOLATED")).send());
        assertStatus(r, 201);
        assertThat(r.json().path("scoringRules").path("version").asInt()).isEqualTo(2);
        assertThat(r.json().path("scoringRules").path("method").asText()).isEqualTo("LEADER_INTERPOLATED");
        assertThat(r.json().path("ruleVersions")).hasSize(2);
        r = records(1, () -> api.post(f.campaignPath() + "/close").as(head).send());
        assertStatus(r, 200);
        assertThat(r.json().path("status").asText()).isEqualTo("CLOSED");
        assertThat(api.get(f.campaignPath()).as(auditor).send().json().path("status").asText()).isEqualTo("CLOSED");
        assertThat(payloadTypes("campaign:" + f.campaignId())).containsExactly(
                "vn.thidua.domain.campaign.CampaignLaunched", "vn.thidua.domain.campaign.ScoringRulesPublished",
                "vn.thidua.domain.campaign.CampaignClosed");
    }

    // ---------------------------------------------------------------- 2. refusals: invalid input (400)

    @Test
    void malformedJsonIs400AndRecordsNothing() {
        Fixture f = campaign();
        Response r = recordsNothing(() -> api.put(f.pledgePath(1)).as(f.officer(1)).raw("{\"targets\": {\"REV\": ").send());
        assertInvalid(r, null);
    }

    @Test
    void stringInsteadOfNumberIs400AndRecordsNothing() {
        Fixture f = campaign();
        Response r = recordsNothing(() -> api.put(f.pledgePath(1)).as(f.officer(1))
                .raw("{\"targets\":{\"REV\":\"x\"}}").send());
        assertInvalid(r, "targets.REV");
        r = recordsNothing(() -> driver.pledge(f, 1, "110", true, 50));
        assertInvalid(r, "targets.REV");
    }

    @Test
    void numberForQualitativeIndicatorIs400AndRecordsNothing() {
        Fixture f = campaign();
        Response r = recordsNothing(() -> driver.pledge(f, 1, 110, 1, 50));
        assertInvalid(r, "targets.OK");
        driver.pledged(f, 1, 110, true, 50);
        r = recordsNothing(() -> driver.report(f, 1, "Q1", values(110, 0, 50)));
        assertInvalid(r, "values.OK");
    }

    @Test
    void invalidCodesInClusterAndCampaignBodiesAre400WithFieldErrors() {
        Map<String, Object> cluster = driver.clusterBody("bad code!", List.of("U1" + Driver.tag()));
        assertInvalid(recordsNothing(() -> api.post("/api/v1/clusters").as(OPERATOR).json(cluster).send()), "code");
        Map<String, Object> badMember = driver.clusterBody("C" + Driver.tag(), List.of("xã/1"));
        assertInvalid(recordsNothing(() -> api.post("/api/v1/clusters").as(OPERATOR).json(badMember).send()),
                "members[0].code");

        Fixture f = unlaunched();
        Map<String, Object> campaign = Driver.campaignBody(f);
        campaign.put("clusterCode", "cụm II");
        assertInvalid(recordsNothing(() -> api.post("/api/v1/campaigns").as(f.head()).json(campaign).send()),
                "clusterCode");
        Map<String, Object> badIndicator = Driver.campaignBody(f);
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) ((List<?>) badIndicator.get("contents")).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> indicator = (Map<String, Object>) ((List<?>) content.get("indicators")).get(0);
        indicator.put("code", "REV 2021");
        assertInvalid(recordsNothing(() -> api.post("/api/v1/campaigns").as(f.head()).json(badIndicator).send()),
                "contents[0].indicators[0].code");
        Map<String, Object> badPeriod = Driver.campaignBody(f);
        badPeriod.put("periods", List.of(map("code", "Q 1", "title", "Quý I", "dueDate", f.q1Due().toString())));
        assertInvalid(recordsNothing(() -> api.post("/api/v1/campaigns").as(f.head()).json(badPeriod).send()),
                "periods[0].code");
        assertStatus(api.get(f.campaignPath()).as(f.auditor()).send(), 404);
    }

    @Test
    void valueOutsideMinMaxIs400AndRecordsNothing() {
        Fixture f = campaign();
        assertInvalid(recordsNothing(() -> driver.pledge(f, 1, 110, true, 150)), "targets.RATE");
        assertInvalid(recordsNothing(() -> driver.pledge(f, 1, 110, true, -1)), "targets.RATE");
        driver.pledged(f, 1, 110, true, 50);
        assertInvalid(recordsNothing(() -> driver.report(f, 1, "Q1", values(110, true, 100.5))), "values.RATE");
        driver.reported(f, 1, "Q1", 110, true, 50);
        assertInvalid(recordsNothing(() -> api.post(f.reportPath(1, "Q1") + "/verification").as(f.board())
                .json(map("verdict", "VERIFIED", "comment", "sửa", "verifiedValues", map("RATE", 101))).send()),
                "verifiedValues.RATE");
    }

    @Test
    void unknownCampaignIs404AndRecordsNothing() {
        Fixture f = campaign();
        String unknown = "/api/v1/campaigns/nope-" + f.tag();
        assertProblem(api.get(unknown).as(f.auditor()).send(), 404, "not-found", "Not found");
        assertProblem(recordsNothing(() -> api.put(unknown + "/pledges/" + f.unit(1)).as(f.officer(1))
                .json(targets(110, true, 50)).send()), 404, "not-found", "Not found");
        assertProblem(recordsNothing(() -> api.put(unknown + "/reports/" + f.unit(1) + "/Q1").as(f.officer(1))
                .json(values(110, true, 50)).send()), 404, "not-found", "Not found");
        assertProblem(recordsNothing(() -> api.post(unknown + "/close").as(f.head()).send()), 404, "not-found",
                "Not found");
        assertProblem(api.get(f.pledgePath(2)).as(f.auditor()).send(), 404, "not-found", "Not found");
    }

    // ---------------------------------------------------------------- 2. refusals: business rules (409)

    @Test
    void pledgeBelowFloorIsRefused() {
        Fixture f = campaign();
        assertRule(recordsNothing(() -> driver.pledge(f, 1, 99.5, true, 50)), "pledge.below-floor");
        driver.pledged(f, 1, 100, true, 50);
        assertRule(recordsNothing(() -> driver.pledge(f, 1, 90, true, 50)), "pledge.below-floor");
    }

    @Test
    void incompletePledgeIsRefused() {
        Fixture f = campaign();
        assertRule(recordsNothing(() -> api.put(f.pledgePath(1)).as(f.officer(1))
                .json(map("targets", map("REV", 110, "OK", true))).send()), "pledge.incomplete");
    }

    @Test
    void pledgeAfterDeadlineIsRefused() {
        Fixture f = campaign();
        clock.pin(Deadlines.endOf(f.pledgeDeadline()).plusSeconds(1));
        try {
            assertRule(recordsNothing(() -> driver.pledge(f, 1, 110, true, 50)), "pledge.deadline-passed");
        } finally {
            clock.release();
        }
        clock.pin(Deadlines.endOf(f.pledgeDeadline()).minusSeconds(1));
        try {
            assertStatus(records(1, () -> driver.pledge(f, 1, 110, true, 50)), 201);
        } finally {
            clock.release();
        }
    }

    @Test
    void reportAfterDueDateIsAcceptedAndMarkedLate() {
        Fixture f = campaign();
        driver.pledged(f, 1, 110, true, 50);
        clock.pin(Deadlines.endOf(f.q1Due()).plus(Duration.ofHours(2)));
        try {
            Response r = records(1, () -> driver.report(f, 1, "Q1", values(112, true, 52)));
            assertStatus(r, 201);
            assertThat(r.json().path("late").asBoolean()).isTrue();
        } finally {
            clock.release();
        }
        Response r = api.get(f.reportPath(1, "Q1")).as(f.auditor()).send();
        assertStatus(r, 200);
        assertThat(r.json().path("late").asBoolean()).isTrue();
        driver.reported(f, 1, "Y", 112, true, 52);
        assertThat(api.get(f.reportPath(1, "Y")).as(f.auditor()).send().json().path("late").asBoolean()).isFalse();
    }

    @Test
    void correctionWithoutReasonIsRefused() {
        Fixture f = campaignWithReport(1);
        assertRule(recordsNothing(() -> driver.report(f, 1, "Q1", values(111, true, 50))),
                "report.correction-needs-reason");
        Map<String, Object> blank = values(111, true, 50);
        blank.put("reason", "   ");
        assertRule(recordsNothing(() -> driver.report(f, 1, "Q1", blank)), "report.correction-needs-reason");
    }

    @Test
    void reportForUnknownPeriodIsRefused() {
        Fixture f = campaign();
        driver.pledged(f, 1, 110, true, 50);
        assertRule(recordsNothing(() -> driver.report(f, 1, "Q9", values(110, true, 50))), "report.unknown-period");
    }

    @Test
    void reportWithoutPledgeIsRefused() {
        Fixture f = campaign();
        assertRule(recordsNothing(() -> driver.report(f, 1, "Q1", values(110, true, 50))), "report.no-pledge");
        assertStatus(api.get(f.reportPath(1, "Q1")).as(f.auditor()).send(), 404);
    }

    @Test
    void verifyingARejectedReportNeedsACorrectionFirst() {
        Fixture f = campaignWithReport(1);
        String verification = f.reportPath(1, "Q1") + "/verification";
        Response r = records(1, () -> api.post(verification).as(f.board())
                .json(map("verdict", "REJECTED", "comment", "Thiếu hồ sơ chứng minh")).send());
        assertStatus(r, 200);
        assertThat(r.json().path("status").asText()).isEqualTo("REJECTED");
        assertRule(recordsNothing(() -> api.post(verification).as(f.board())
                .json(map("verdict", "VERIFIED", "comment", "đạt")).send()), "verification.rejected-needs-correction");
        assertRule(recordsNothing(() -> api.post(verification).as(f.head())
                .json(map("verdict", "VERIFIED", "comment", "đạt")).send()), "verification.rejected-needs-correction");
        Map<String, Object> correction = values(108, true, 50);
        correction.put("reason", "Bổ sung hồ sơ theo yêu cầu của Ban");
        assertStatus(records(1, () -> driver.report(f, 1, "Q1", correction)), 200);
        r = records(1, () -> api.post(verification).as(f.board()).json(map("verdict", "VERIFIED", "comment", "đạt")).send());
        assertStatus(r, 200);
        assertThat(r.json().path("status").asText()).isEqualTo("VERIFIED");
    }

    @Test
    void headCannotVerifyItsOwnUnit() {
        Fixture f = campaignWithReport(0);
        assertRule(recordsNothing(() -> api.post(f.reportPath(0, "Q1") + "/verification").as(f.head())
                .json(map("verdict", "VERIFIED", "comment", "tự xác minh")).send()), "verification.own-unit");
    }

    @Test
    void rulesVersionMustIncrease() {
        Fixture f = campaign();
        String path = f.campaignPath() + "/scoring-rules";
        assertRule(recordsNothing(() -> api.post(path).as(f.head()).json(rules(1, "LEADER_INTERPOLATED")).send()),
                "rules.version-not-increasing");
        assertStatus(records(1, () -> api.post(path).as(f.head()).json(rules(3, "LEADER_INTERPOLATED")).send()), 201);
        assertRule(recordsNothing(() -> api.post(path).as(f.head()).json(rules(2, "RATIO_CAPPED")).send()),
                "rules.version-not-increasing");
        assertRule(recordsNothing(() -> api.post(path).as(f.head()).json(rules(3, "LEADER_INTERPOLATED")).send()),
                "rules.version-not-increasing");
    }

    @Test
    void nothingIsAcceptedAfterClose() {
        Fixture f = campaignWithReport(1);
        assertStatus(records(1, () -> api.post(f.campaignPath() + "/close").as(f.head()).send()), 200);

        assertRule(recordsNothing(() -> driver.pledge(f, 2, 110, true, 50)), "campaign.closed");
        assertRule(recordsNothing(() -> driver.pledge(f, 1, 120, true, 50)), "campaign.closed");
        assertRule(recordsNothing(() -> driver.report(f, 1, "Y", values(110, true, 50))), "campaign.closed");
        Map<String, Object> correction = values(111, true, 50);
        correction.put("reason", "sửa sau khi kết thúc");
        assertRule(recordsNothing(() -> driver.report(f, 1, "Q1", correction)), "campaign.closed");
        assertRule(recordsNothing(() -> api.post(f.reportPath(1, "Q1") + "/verification").as(f.board())
                .json(map("verdict", "VERIFIED", "comment", "đạt")).send()), "campaign.closed");
        assertRule(recordsNothing(() -> api.post(f.campaignPath() + "/scoring-rules").as(f.head())
                .json(rules(2, "LEADER_INTERPOLATED")).send()), "campaign.closed");
        assertRule(recordsNothing(() -> api.post(f.campaignPath() + "/close").as(f.head()).send()), "campaign.closed");
    }

    @Test
    void duplicateClusterWithOtherMembersIsRefused() {
        Fixture f = unlaunched();
        Map<String, Object> other = driver.clusterBody(f.cluster(), List.of(f.unit(0), f.unit(1)));
        assertRule(recordsNothing(() -> api.post("/api/v1/clusters").as(OPERATOR).json(other).send()), "cluster.exists");
        assertThat(api.get("/api/v1/clusters/" + f.cluster()).as(f.auditor()).send().json().path("members")).hasSize(3);
    }

    @Test
    void relaunchWithAnotherDefinitionIsRefused() {
        Fixture f = campaign();
        Map<String, Object> other = Driver.campaignBody(f);
        other.put("pledgeDeadline", f.pledgeDeadline().plusDays(1).toString());
        assertRule(recordsNothing(() -> api.post("/api/v1/campaigns").as(f.head()).json(other).send()),
                "campaign.exists");
        Map<String, Object> retitled = Driver.campaignBody(f);
        retitled.put("title", "Một phong trào khác");
        assertRule(recordsNothing(() -> api.post("/api/v1/campaigns").as(f.head()).json(retitled).send()),
                "campaign.exists");
        assertThat(api.get(f.campaignPath()).as(f.auditor()).send().json().path("pledgeDeadline").asText())
                .isEqualTo(f.pledgeDeadline().toString());
    }

    @Test
    void oversizedBodyIs413AndRecordsNothing() {
        Fixture f = campaign();
        String huge = "{\"targets\":{\"REV\":110,\"OK\":true,\"RATE\":50},\"padding\":\"" + "x".repeat(1024 * 1024 + 16)
                + "\"}";
        Response r = recordsNothing(() -> api.put(f.pledgePath(1)).as(f.officer(1)).raw(huge).send());
        assertProblem(r, 413, "too-large", "Payload too large");
        assertStatus(api.get(f.pledgePath(1)).as(f.auditor()).send(), 404);
    }

    @Test
    void duplicateUsernameIsRefused() {
        Fixture f = campaign();
        long before = users();
        Response r = recordsNothing(() -> driver.createUser(OPERATOR, f.officer(1).username(), f.unit(2), "UNIT_OFFICER"));
        assertRule(r, "user.exists");
        assertThat(users()).isEqualTo(before);
        // the existing user still acts for its own unit only
        assertProblem(recordsNothing(() -> api.put(f.pledgePath(2)).as(f.officer(1)).json(targets(110, true, 50)).send()),
                403, "forbidden", "Forbidden");
        assertStatus(driver.pledge(f, 1, 110, true, 50), 201);
    }

    @Test
    void unitBoundRolesNeedAUnitCode() {
        String tag = Driver.tag().toLowerCase();
        long before = users();
        assertInvalid(recordsNothing(() -> driver.createUser(OPERATOR, "head-" + tag, null, "CLUSTER_HEAD")), "unitCode");
        assertInvalid(recordsNothing(() -> driver.createUser(OPERATOR, "off-" + tag, null, "UNIT_OFFICER")), "unitCode");
        assertThat(users()).isEqualTo(before);
    }

    // ---------------------------------------------------------------- 3. security

    @Test
    void missingOrWrongCredentialsAre401() {
        Fixture f = campaign();
        Response r = recordsNothing(() -> api.put(f.pledgePath(1)).json(targets(110, true, 50)).send());
        assertProblem(r, 401, "unauthenticated", "Unauthorized");
        assertThat(r.header("WWW-Authenticate")).startsWith("Basic");
        r = recordsNothing(() -> api.put(f.pledgePath(1)).as(new Creds(f.officer(1).username(), "wrong-password"))
                .json(targets(110, true, 50)).send());
        assertProblem(r, 401, "unauthenticated", "Unauthorized");
        r = recordsNothing(() -> api.post("/api/v1/clusters").as(new Creds("nobody-" + f.tag(), "whatever-pw"))
                .json(driver.clusterBody("C" + Driver.tag(), List.of("U1"))).send());
        assertProblem(r, 401, "unauthenticated", "Unauthorized");
        assertProblem(api.get(f.campaignPath()).send(), 401, "unauthenticated", "Unauthorized");
        assertStatus(api.get(f.pledgePath(1)).as(f.auditor()).send(), 404);
    }

    @Test
    void officerMayNotPledgeForAnotherUnit() {
        Fixture f = campaign();
        Response r = recordsNothing(() -> api.put(f.pledgePath(2)).as(f.officer(1)).json(targets(110, true, 50)).send());
        assertProblem(r, 403, "forbidden", "Forbidden");
        for (Creds other : List.of(f.board(), f.auditor(), OPERATOR, f.head())) {
            assertProblem(recordsNothing(() -> api.put(f.pledgePath(2)).as(other).json(targets(110, true, 50)).send()),
                    403, "forbidden", "Forbidden");
        }
    }

    @Test
    void officerOfAnotherUnitMayNotReport() {
        Fixture f = campaign();
        driver.pledged(f, 2, 110, true, 50);
        Response r = recordsNothing(() -> api.put(f.reportPath(2, "Q1")).as(f.officer(1))
                .json(values(110, true, 50)).send());
        assertProblem(r, 403, "forbidden", "Forbidden");
        assertStatus(api.get(f.reportPath(2, "Q1")).as(f.auditor()).send(), 404);
    }

    @Test
    void officerMayNotVerify() {
        Fixture f = campaignWithReport(2);
        for (Creds who : List.of(f.officer(1), f.officer(2), f.auditor())) {
            Response r = recordsNothing(() -> api.post(f.reportPath(2, "Q1") + "/verification").as(who)
                    .json(map("verdict", "VERIFIED", "comment", "đạt")).send());
            assertProblem(r, 403, "forbidden", "Forbidden");
        }
        assertThat(api.get(f.reportPath(2, "Q1")).as(f.auditor()).send().json().path("status").asText())
                .isEqualTo("SUBMITTED");
    }

    @Test
    void onlyTheHeadLaunchesPublishesAndCloses() {
        Fixture f = unlaunched();
        Map<String, Object> ownUnit = Driver.campaignBody(f);
        ownUnit.put("headUnit", f.unit(1));
        assertProblem(recordsNothing(() -> api.post("/api/v1/campaigns").as(f.officer(1)).json(ownUnit).send()),
                403, "forbidden", "Forbidden");
        Map<String, Object> body = Driver.campaignBody(f);
        for (Creds who : List.of(f.officer(0), f.officer(1), f.board(), OPERATOR)) {
            assertProblem(recordsNothing(() -> api.post("/api/v1/campaigns").as(who).json(body).send()),
                    403, "forbidden", "Forbidden");
        }
        assertStatus(api.get(f.campaignPath()).as(f.auditor()).send(), 404);
        assertStatus(records(1, () -> api.post("/api/v1/campaigns").as(f.head()).json(body).send()), 201);
        assertProblem(recordsNothing(() -> api.post(f.campaignPath() + "/scoring-rules").as(f.officer(0))
                .json(rules(2, "LEADER_INTERPOLATED")).send()), 403, "forbidden", "Forbidden");
        assertProblem(recordsNothing(() -> api.post(f.campaignPath() + "/close").as(f.officer(1)).send()),
                403, "forbidden", "Forbidden");
        assertProblem(recordsNothing(() -> api.post(f.campaignPath() + "/close").as(f.board()).send()),
                403, "forbidden", "Forbidden");
    }

    @Test
    void onlyTheOperatorCreatesUsers() {
        Fixture f = unlaunched();
        long before = users();
        for (Creds who : List.of(f.head(), f.officer(1), f.board(), f.auditor())) {
            Response r = recordsNothing(() -> driver.createUser(who, "intruder-" + f.tag().toLowerCase(), null, "OPERATOR"));
            assertProblem(r, 403, "forbidden", "Forbidden");
        }
        assertThat(users()).isEqualTo(before);
        assertProblem(api.get("/api/v1/admin/users").as(f.board()).send(), 403, "forbidden", "Forbidden");
        assertProblem(api.get("/api/v1/clusters/" + f.cluster())
                .as(new Creds("intruder-" + f.tag().toLowerCase(), Driver.PASSWORD)).send(), 401, "unauthenticated",
                "Unauthorized");
        assertProblem(recordsNothing(() -> api.post("/api/v1/clusters").as(f.officer(1))
                .json(driver.clusterBody("C" + Driver.tag(), List.of("U1"))).send()), 403, "forbidden", "Forbidden");
    }

    // ---------------------------------------------------------------- 4. metadata of stored events

    @Test
    void eventsCarryTheActingUsersMetadata() throws Exception {
        Fixture f = campaign();
        Response r = records(1, () -> api.put(f.pledgePath(1)).as(f.officer(1))
                .header("X-Correlation-Id", "test-corr-1").header("X-Request-Id", "req-42")
                .json(targets(110, true, 50)).send());
        assertStatus(r, 201);
        Map<String, Object> row = jdbc.queryForMap("SELECT aggregate_identifier, sequence_number, payload_type, payload,"
                + " meta_data FROM domain_event_entry ORDER BY global_index DESC LIMIT 1");
        assertThat(row.get("aggregate_identifier")).isEqualTo("participation:" + f.campaignId() + ":" + f.unit(1));
        assertThat(((Number) row.get("sequence_number")).longValue()).isZero();
        assertThat(row.get("payload_type")).isEqualTo("vn.thidua.domain.participation.PledgeSubmitted");
        JsonNode meta = Api.JSON.readTree((byte[]) row.get("meta_data"));
        assertThat(meta.path("actorUser").asText()).isEqualTo(f.officer(1).username());
        assertThat(meta.path("actorUnit").asText()).isEqualTo(f.unit(1));
        assertThat(meta.path("actorRole").asText()).isEqualTo("UNIT_OFFICER");
        assertThat(meta.path("correlationId").asText()).isEqualTo("test-corr-1");
        assertThat(meta.path("causationId").asText()).as("the command's message id").isNotBlank();
        assertThat(meta.path("clientRequestId").asText()).isEqualTo("req-42");
        JsonNode payload = Api.JSON.readTree((byte[]) row.get("payload"));
        assertThat(payload.path("campaignId").asText()).isEqualTo(f.campaignId());
        assertThat(payload.path("unitCode").asText()).isEqualTo(f.unit(1));
        assertNumber(payload.path("targets").path("REV"), "110");
        assertNumber(payload.path("targets").path("OK"), "1");

        // without headers: a fresh correlation id; the head's own launch and the operator's registration
        records(1, () -> driver.pledge(f, 1, 115, true, 50));
        row = jdbc.queryForMap("SELECT payload_type, meta_data FROM domain_event_entry ORDER BY global_index DESC LIMIT 1");
        assertThat(row.get("payload_type")).isEqualTo("vn.thidua.domain.participation.PledgeRevised");
        meta = Api.JSON.readTree((byte[]) row.get("meta_data"));
        assertThat(meta.path("actorUser").asText()).isEqualTo(f.officer(1).username());
        assertThat(meta.path("correlationId").asText()).isNotBlank().isNotEqualTo("test-corr-1");
        assertThat(meta.has("clientRequestId")).isFalse();

        meta = Api.JSON.readTree(jdbc.queryForObject("SELECT meta_data FROM domain_event_entry WHERE"
                + " aggregate_identifier = ? AND sequence_number = 0", byte[].class, "campaign:" + f.campaignId()));
        assertThat(meta.path("actorUser").asText()).isEqualTo(f.head().username());
        assertThat(meta.path("actorUnit").asText()).isEqualTo(f.headUnit());
        assertThat(meta.path("actorRole").asText()).isEqualTo("CLUSTER_HEAD");
        meta = Api.JSON.readTree(jdbc.queryForObject("SELECT meta_data FROM domain_event_entry WHERE"
                + " aggregate_identifier = ? AND sequence_number = 0", byte[].class, "cluster:" + f.cluster()));
        assertThat(meta.path("actorUser").asText()).isEqualTo(OPERATOR.username());
        assertThat(meta.path("actorRole").asText()).isEqualTo("OPERATOR");
        assertThat(meta.path("actorUnit").isMissingNode() || meta.path("actorUnit").isNull()).isTrue();
    }

    // ---------------------------------------------------------------- 5. Vietnamese text is stored in NFC

    @Test
    void decomposedVietnameseIsStoredComposed() {
        String tag = Driver.tag();
        String nameNfc = "Cụm thi đua Thiệu Hóa " + tag;
        String memberNfc = "Xã Thiệu Nguyên";
        String nameNfd = Normalizer.normalize(nameNfc, Normalizer.Form.NFD);
        assertThat(nameNfd).isNotEqualTo(nameNfc);
        String cluster = "C" + tag;
        Map<String, Object> body = map("code", cluster, "name", nameNfd, "members",
                List.of(map("code", "U1" + tag, "name", Normalizer.normalize(memberNfc, Normalizer.Form.NFD),
                        "kind", "COMMUNE"), map("code", "U2" + tag, "name", "Xã Thiệu Vận", "kind", "COMMUNE")));
        assertStatus(api.post("/api/v1/clusters").as(OPERATOR).json(body).send(), 201);
        JsonNode got = api.get("/api/v1/clusters/" + cluster).as(OPERATOR).send().json();
        assertThat(got.path("name").asText()).isEqualTo(nameNfc);
        assertThat(got.path("members").get(0).path("name").asText()).isEqualTo(memberNfc);
        byte[] payload = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?",
                byte[].class, "cluster:" + cluster);
        assertThat(new String(payload, StandardCharsets.UTF_8)).contains(nameNfc);
        // the same name typed composed is the same cluster: registering again records nothing
        Map<String, Object> composed = map("code", cluster, "name", nameNfc, "members", body.get("members"));
        assertStatus(recordsNothing(() -> api.post("/api/v1/clusters").as(OPERATOR).json(composed).send()), 200);

        String lower = tag.toLowerCase();
        Creds head = driver.user("head-" + lower, "U1" + tag, "CLUSTER_HEAD");
        java.time.LocalDate today = java.time.LocalDate.now(Driver.VN);
        Fixture f = new Fixture(tag, cluster, "camp-" + lower, Driver.units(tag), head,
                Map.of(), null, null, today.plusDays(30), today.plusDays(60), today.plusDays(200));
        Map<String, Object> campaign = Driver.campaignBody(f);
        String titleNfc = "Phong trào thi đua “Đồng khởi xây dựng nông thôn mới” năm " + today.getYear();
        campaign.put("title", Normalizer.normalize(titleNfc, Normalizer.Form.NFD));
        assertStatus(api.post("/api/v1/campaigns").as(head).json(campaign).send(), 201);
        JsonNode c = api.get(f.campaignPath()).as(OPERATOR).send().json();
        assertThat(c.path("title").asText()).isEqualTo(titleNfc);
        assertThat(c.path("contents").get(0).path("title").asText()).isEqualTo("Kinh tế");
    }

    @Test
    void aLongParticipationHistoryIsSnapshottedAndStillAnswers() {
        Fixture f = campaign();
        driver.pledged(f, 1, 100, true, 50);
        for (int i = 0; i < 55; i++) {
            int value = 100 + i;
            Response r = driver.report(f, 1, "Q1", i == 0 ? values(value, true, 50)
                    : map("values", map("REV", value, "OK", true, "RATE", 50), "reason", "lần " + i));
            assertThat(r.status()).as("%s", r).isIn(200, 201);
        }
        String stream = "participation:" + f.campaignId() + ":" + f.unit(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?", Long.class, stream) > 0);
        // Loaded from the snapshot plus the events after it, the aggregate still knows the latest values.
        assertStatus(recordsNothing(() -> driver.report(f, 1, "Q1", map("values", map("REV", 154, "OK", true,
                "RATE", 50), "reason", "lần 54"))), 200);
        assertRule(recordsNothing(() -> driver.report(f, 1, "Q1", values(999, true, 50))),
                "report.correction-needs-reason");
    }
}
