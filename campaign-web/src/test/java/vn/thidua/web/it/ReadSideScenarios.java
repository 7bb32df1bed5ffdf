package vn.thidua.web.it;

import org.springframework.beans.factory.annotation.Autowired;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.participation.ReportSubmitted;
import vn.thidua.domain.shared.StreamIds;
import vn.thidua.eventstore.EventJson;
import vn.thidua.web.testsupport.Api.Response;
import vn.thidua.web.testsupport.Driver;
import vn.thidua.web.testsupport.Fixture;
import vn.thidua.web.testsupport.ReadModels;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.thidua.web.testsupport.Driver.map;
import static vn.thidua.web.testsupport.Driver.values;
import static vn.thidua.web.testsupport.Problems.assertProblem;
import static vn.thidua.web.testsupport.Problems.assertRule;

/**
 * The read side through the API: league table, unit progress, as-of and preview, commendation eligibility from the
 * ranking, replay (equal to a fresh build, while events keep arriving), dead letters and Consistency: wait.
 */
abstract class ReadSideScenarios extends InspectionScenarios {
    private static final List<String> PROJECTIONS = List.of("audit", "league-table", "unit-progress");

    JsonNode table(Fixture f, String query) {
        Response r = api.get(f.campaignPath() + "/league-table" + query).as(f.auditor()).send();
        assertStatus(r, 200);
        return r.json();
    }

    JsonNode row(JsonNode table, String unit) {
        for (JsonNode row : table.path("rows")) {
            if (row.path("unitCode").asText().equals(unit)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + unit + " in " + table);
    }

    @Test
    void leagueTableAndProgressFollowVerifiedReports() {
        Fixture f = scoredCampaign();
        JsonNode t = table(f, "");
        assertThat(t.path("campaignId").asText()).isEqualTo(f.campaignId());
        assertThat(t.path("rulesVersion").asInt()).isEqualTo(1);
        // RATIO_CAPPED, cap 1.2, targets REV 100, RATE 50:
        // U2: REV 60 × 1.2 (150/100 capped) = 72, OK 20, RATE 20 × 1.2 (75/50 capped) = 24 → 116
        // U1: 60 × 1.1 = 66, 20, 20 × 1.1 = 22 → 108;  U3: 60, 20, 20 → 100
        assertThat(t.path("rows")).extracting(r -> r.path("unitCode").asText())
                .containsExactly(f.unit(1), f.unit(0), f.unit(2));
        assertNumber(row(t, f.unit(1)).path("total"), "116");
        assertNumber(row(t, f.unit(0)).path("total"), "108");
        assertNumber(row(t, f.unit(2)).path("total"), "100");
        assertNumber(row(t, f.unit(1)).path("contents").path("K1"), "92");
        assertThat(row(t, f.unit(1)).path("rank").asInt()).isEqualTo(1);
        assertThat(row(t, f.unit(1)).path("unitName").asText()).isNotBlank();
        assertThat(row(t, f.unit(1)).path("provisional").asBoolean()).isFalse();

        JsonNode p = api.get(f.campaignPath() + "/progress/" + f.unit(1)).as(f.auditor()).send().json();
        assertThat(p.path("unitCode").asText()).isEqualTo(f.unit(1));
        JsonNode rev = p.path("indicators").get(0);
        assertThat(rev.path("code").asText()).isEqualTo("REV");
        assertNumber(rev.path("target"), "100");
        assertNumber(rev.path("latest"), "150");
        assertNumber(rev.path("ratio"), "1.5");
        assertThat(rev.path("status").asText()).isEqualTo("ACHIEVED");
        assertThat(rev.path("history")).hasSize(1);
        assertThat(rev.path("history").get(0).path("period").asText()).isEqualTo("Q1");

        // A correction without verification makes the unit's row provisional again.
        assertStatus(api.put(f.reportPath(1, "Q1")).as(f.officer(1)).header("Consistency", "wait")
                .json(map("values", map("REV", 140, "OK", true, "RATE", 75), "reason", "điều chỉnh")).send(), 200);
        JsonNode after = table(f, "");
        assertThat(row(after, f.unit(1)).path("provisional").asBoolean()).isTrue();
        assertNumber(row(after, f.unit(1)).path("total"), "116");

        assertProblem(api.get(f.campaignPath() + "/progress/NOPE").as(f.auditor()).send(), 404, "not-found",
                "Not found");
        assertProblem(api.get("/api/v1/campaigns/nope-" + f.tag() + "/league-table").as(f.auditor()).send(), 404,
                "not-found", "Not found");
    }

    @Test
    void theCurrentTableCarriesAnETagAndAConditionalGetAnswers304UntilTheTableChanges() {
        Fixture f = scoredCampaign();
        String path = f.campaignPath() + "/league-table";
        Response first = api.get(path).as(f.auditor()).send();
        assertStatus(first, 200);
        String etag = first.header("ETag");
        assertThat(etag).startsWith("W/\"lt1-").endsWith("\"");
        assertThat(first.header("Cache-Control")).contains("no-cache").contains("private").doesNotContain("no-store");
        assertThat(api.get(path).as(f.officer(0)).send().header("ETag")).isEqualTo(etag);

        Response unchanged = api.get(path).as(f.auditor()).header("If-None-Match", etag).send();
        assertStatus(unchanged, 304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(unchanged.header("ETag")).isEqualTo(etag);
        assertStatus(api.get(path).as(f.auditor()).header("If-None-Match", "W/\"lt-0-1-1\"").send(), 200);
        // The JSON kept per stamp is what the query path writes, and content negotiation still holds.
        Response asJson = api.get(path).as(f.auditor()).header("Accept", "text/html, */*;q=0.1").send();
        assertStatus(asJson, 200);
        assertThat(asJson.contentType()).startsWith("application/json");
        assertThat(asJson.json().path("rows")).isEqualTo(table(f, "?rules=1").path("rows"));
        assertStatus(api.get(path).as(f.auditor()).header("Accept", "application/xml").send(), 406);

        assertStatus(api.put(f.reportPath(1, "Q1")).as(f.officer(1)).header("Consistency", "wait")
                .json(map("values", map("REV", 145, "OK", true, "RATE", 75), "reason", "điều chỉnh")).send(), 200);
        Response changed = api.get(path).as(f.auditor()).header("If-None-Match", etag).send();
        assertStatus(changed, 200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag).startsWith("W/\"lt1-");
        assertThat(row(changed.json(), f.unit(1)).path("provisional").asBoolean()).isTrue();
        assertNumber(row(changed.json(), f.unit(1)).path("total"), "116");

        // Computed answers (as of an instant, another rule version) carry no validator.
        Response past = api.get(path + "?asOf=" + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                .as(f.auditor()).header("If-None-Match", etag).send();
        assertStatus(past, 200);
        assertThat(past.header("ETag")).isNull();
        assertThat(api.get(path + "?rules=1").as(f.auditor()).send().header("ETag")).isNull();
    }

    @Test
    void asOfShowsThePastAndAnotherRuleVersionOrADraftRescoresIt() {
        Fixture f = scoredCampaign();
        Instant before = Instant.now();
        await().atMost(Duration.ofSeconds(2)).until(() -> Instant.now().isAfter(before.plusMillis(5)));
        assertStatus(api.put(f.reportPath(2, "Q1")).as(f.officer(2)).header("Consistency", "wait")
                .json(map("values", map("REV", 200, "OK", true, "RATE", 50), "reason", "bổ sung số liệu")).send(), 200);

        JsonNode then = table(f, "?asOf=" + before);
        assertNumber(row(then, f.unit(2)).path("total"), "100");
        JsonNode now = table(f, "");
        // U3 now: REV 60 × 1.2 = 72, OK 20, RATE 20 → 112, second place.
        assertNumber(row(now, f.unit(2)).path("total"), "112");
        assertProblem(api.get(f.campaignPath() + "/league-table?asOf=2000-01-01T00:00:00Z").as(f.auditor()).send(),
                404, "not-found", "Not found");
        assertProblem(api.get(f.campaignPath() + "/league-table?asOf=yesterday").as(f.auditor()).send(), 400,
                "invalid-input", "Invalid input");

        assertStatus(api.post(f.campaignPath() + "/scoring-rules").as(f.head()).header("Consistency", "wait")
                .json(map("version", 2, "method", "LEADER_INTERPOLATED", "latePenalty", 0, "missingPenalty", 0,
                        "rejectedPenalty", 0)).send(), 201);
        JsonNode v2 = table(f, "");
        assertThat(v2.path("rulesVersion").asInt()).isEqualTo(2);
        // LEADER_INTERPOLATED: U3 has the best REV ratio (2.0) → 60; U2 (1.5) → 30 + 30 × 0.5/1.0 = 45.
        assertNumber(row(v2, f.unit(2)).path("indicators").path("REV"), "60");
        assertNumber(row(v2, f.unit(1)).path("indicators").path("REV"), "45");
        JsonNode v1 = table(f, "?rules=1");
        assertThat(v1.path("rulesVersion").asInt()).isEqualTo(1);
        assertNumber(row(v1, f.unit(2)).path("total"), "112");
        assertProblem(api.get(f.campaignPath() + "/league-table?rules=9").as(f.auditor()).send(), 404, "not-found",
                "Not found");

        JsonNode preview = api.get(f.campaignPath() + "/league-table/preview?method=RATIO_CAPPED&cap=2")
                .as(f.auditor()).send().json();
        // cap 2: U3's REV 60 × 2.0 = 120 → 120 + 20 + 20 = 160; nothing published.
        assertNumber(row(preview, f.unit(2)).path("total"), "160");
        assertThat(table(f, "").path("rulesVersion").asInt()).isEqualTo(2);
    }

    @Test
    void aProposalCitesThePositionThatTheAsOfTableReproduces() {
        Fixture f = scoredCampaign();
        Response r = flagProposedAfterClose(f);
        JsonNode basis = r.json().path("basis");
        assertThat(basis.path("rank").asInt()).isEqualTo(1);
        assertNumber(basis.path("total"), "116");
        JsonNode then = table(f, "?asOf=" + basis.path("asOf").asText() + "&rules=" + basis.path("rulesVersion").asInt());
        JsonNode cited = row(then, f.unit(1));
        assertThat(cited.path("rank").asInt()).isEqualTo(basis.path("rank").asInt());
        assertThat(cited.path("total").decimalValue()).isEqualByComparingTo(basis.path("total").decimalValue());
        assertThat(cited.path("provisional").asBoolean()).isEqualTo(basis.path("provisional").asBoolean());
        assertThat(then.path("rows")).isEqualTo(table(f, "").path("rows"));
    }

    @Test
    void flagsFollowTheRankingAndTheGovernmentFlagQuota() {
        Fixture f = scoredCampaignOfANewCluster();
        assertStatus(close(f), 200);
        assertProposalRefused(f, proposal(f.unit(0), "PROVINCIAL_FLAG", 3, 0, 3), "commendation.not-leading");
        assertProposalRefused(f, proposal(f.unit(1), "GOVERNMENT_FLAG", 3, 0, 3),
                "commendation.government-flag-needs-provincial-flag");
        assertStatus(records(2, () -> propose(f, proposal(f.unit(0), "CERTIFICATE_OF_MERIT", 2, 1, 3))), 201);

        String provincial = propose(f, proposal(f.unit(1), "PROVINCIAL_FLAG", 3, 0, 3)).json()
                .path("commendationId").asText();
        assertStatus(api.post("/api/v1/commendations/" + provincial + "/approval").as(f.board())
                .json(map("comment", "đồng ý")).send(), 200);
        assertStatus(records(2, () -> propose(f, proposal(f.unit(1), "GOVERNMENT_FLAG", 3, 0, 3))), 201);
        // The same proposal again (a retry, a double click) is refused while the first one stands.
        assertProposalRefused(f, proposal(f.unit(1), "GOVERNMENT_FLAG", 3, 0, 3), "commendation.already-proposed");
    }

    @Test
    void aProvincialFlagOfAnEarlierCampaignCountsTowardsTheGovernmentFlag() {
        Fixture earlier = scoredCampaignOfANewCluster();
        assertStatus(close(earlier), 200);
        String provincial = propose(earlier, proposal(earlier.unit(1), "PROVINCIAL_FLAG", 3, 0, 3)).json()
                .path("commendationId").asText();
        assertStatus(api.post("/api/v1/commendations/" + provincial + "/approval").as(earlier.board())
                .json(map("comment", "đồng ý")).send(), 200);

        Fixture later = scoredCampaignIn(earlier);
        assertStatus(close(later), 200);
        // No provincial flag in this campaign, but one in the unit's history.
        assertStatus(records(2, () -> propose(later, proposal(later.unit(1), "GOVERNMENT_FLAG", 3, 0, 3))), 201);
    }

    @Test
    void aProvisionalRankingEarnsNoFlag() {
        Fixture f = campaign();
        driver.pledged(f, 0, 100, true, 50);
        driver.reported(f, 0, "Q1", 150, true, 75);
        assertStatus(close(f), 200);
        assertProposalRefused(f, proposal(f.unit(0), "PROVINCIAL_FLAG", 3, 0, 3), "commendation.provisional-ranking");
    }

    @Test
    void consistencyWaitAnswersAfterTheProjectionsHaveTheWrite() {
        Fixture f = campaign();
        driver.pledged(f, 2, 100, true, 50);
        assertStatus(api.put(f.reportPath(2, "Q1")).as(f.officer(2)).header("Consistency", "wait")
                .json(values(123, true, 40)).send(), 201);
        // No polling: the answer came after all three projections processed the report.
        JsonNode rev = api.get(f.campaignPath() + "/progress/" + f.unit(2)).as(f.auditor()).send().json()
                .path("indicators").get(0);
        assertNumber(rev.path("latest"), "123");
        assertNumber(row(table(f, ""), f.unit(2)).path("indicators").path("REV"), "72");
        JsonNode audit = api.get("/api/v1/audit?campaignId=" + f.campaignId() + "&type=ReportSubmitted")
                .as(f.auditor()).send().json();
        assertThat(audit.path("total").asInt()).isEqualTo(1);
        assertThat(audit.path("entries").get(0).path("actor").path("user").asText())
                .isEqualTo(f.officer(2).username());
    }

    @Test
    void aReplayWhileEventsArriveEqualsAFreshBuild() throws Exception {
        List<Fixture> campaigns = List.of(campaign(), campaign());
        for (Fixture f : campaigns) {
            for (int u = 0; u < 3; u++) {
                driver.pledged(f, u, 100, true, 50);
            }
        }
        ExecutorService load = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int u = 0; u < 3; u++) {
                int unit = u;
                writers.add(load.submit(() -> {
                    for (int i = 0; i < 12; i++) {
                        for (Fixture f : campaigns) {
                            Object body = i == 0 ? values(100 + unit * 10, true, 40 + unit)
                                    : map("values", map("REV", 100 + unit * 10 + i, "OK", i % 2 == 0, "RATE", 40 + i),
                                    "reason", "cập nhật lần " + i);
                            assertThat(api.put(f.reportPath(unit, "Q1")).as(f.officer(unit)).json(body).send()
                                    .status()).isIn(200, 201);
                        }
                    }
                }));
            }
            for (String projection : PROJECTIONS) {
                assertStatus(api.post("/api/v1/admin/projections/" + projection + "/replay").as(OPERATOR).send(), 202);
            }
            for (Future<?> w : writers) {
                w.get();
            }
        } finally {
            load.shutdown();
        }
        Fixture last = campaigns.get(1);
        assertStatus(api.post(last.reportPath(0, "Q1") + "/verification").as(last.board())
                .header("Consistency", "wait").json(map("verdict", "VERIFIED", "comment", "đạt")).send(), 200);
        awaitRebuilt();
        Map<String, List<Map<String, Object>>> live = readModels();

        for (String projection : PROJECTIONS) {
            assertStatus(api.post("/api/v1/admin/projections/" + projection + "/replay").as(OPERATOR).send(), 202);
        }
        awaitRebuilt();
        assertThat(readModels()).isEqualTo(live);
        for (Fixture f : campaigns) {
            JsonNode stored = table(f, "");
            JsonNode fresh = table(f, "?asOf=" + Instant.now());
            assertThat(stored.path("rows")).as("stored table equals one computed from the events")
                    .isEqualTo(fresh.path("rows"));
        }
    }

    @Test
    void projectionsShowProgressAndOnlyOperatorsReplay() {
        Fixture f = campaign();
        Response r = api.get("/api/v1/admin/projections").as(OPERATOR).send();
        assertStatus(r, 200);
        assertThat(r.json()).extracting(p -> p.path("name").asText()).containsAll(PROJECTIONS);
        JsonNode league = r.json().findValues("name").stream().anyMatch(n -> n.asText().equals("league-table"))
                ? r.json().get(1) : null;
        assertThat(league).isNotNull();
        assertThat(league.has("position") && league.has("headPosition") && league.has("progress")).isTrue();
        assertProblem(api.post("/api/v1/admin/projections/league-table/replay").as(f.head()).send(), 403,
                "forbidden", "Forbidden");
        assertProblem(api.post("/api/v1/admin/projections/nope/replay").as(OPERATOR).send(), 404, "not-found",
                "Not found");
        assertStatus(api.post("/api/v1/admin/projections/unit-progress/replay").as(OPERATOR).send(), 202);
        awaitRebuilt();
        JsonNode done = api.get("/api/v1/admin/projections/unit-progress").as(OPERATOR).send().json();
        assertThat(done.path("status").asText()).isEqualTo("LIVE");
        assertThat(done.path("progress").asDouble()).isEqualTo(1.0);
    }

    @Test
    void anEventAProjectionCannotHandleIsDeadLetteredAndRetried() throws Exception {
        String missing = "late-" + UUID.randomUUID().toString().substring(0, 8);
        // A report for a campaign the store does not know yet: the league table cannot score it.
        ReportSubmitted orphan = new ReportSubmitted(StreamIds.participation(missing, "X1"), missing, "X1", "Q1",
                Map.of("REV", BigDecimal.TEN), false);
        jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,"
                        + " time_stamp, payload_type, payload, meta_data) VALUES (?, ?, 0, 'Participation', ?, ?, ?, ?)",
                UUID.randomUUID().toString(), orphan.participationId(), Instant.now().toString(),
                ReportSubmitted.class.getName(), EventJson.mapper().writeValueAsBytes(orphan),
                "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/admin/projections/league-table/dead-letters")
                .as(OPERATOR).send().json().size() == 1);
        JsonNode letter = api.get("/api/v1/admin/projections/league-table/dead-letters").as(OPERATOR).send().json()
                .get(0);
        assertThat(letter.path("eventType").asText()).isEqualTo(ReportSubmitted.class.getName());
        assertThat(letter.path("cause").asText()).contains(missing);
        // Health is DOWN while a processor has dead letters, with the first one as the reason (details are read as
        // an operator: they may be shown to operators only).
        Response down = api.get("/actuator/health").as(OPERATOR).send();
        assertStatus(down, 503);
        assertThat(down.json().path("status").asText()).isEqualTo("DOWN");
        JsonNode processorsDown = down.json().path("components").path("processors");
        assertThat(processorsDown.path("status").asText()).isEqualTo("DOWN");
        JsonNode leagueDown = processorsDown.path("details").path("league-table");
        assertThat(leagueDown.path("deadLetters").asLong()).isEqualTo(1);
        assertThat(leagueDown.path("deadLetterSequences").asLong()).isEqualTo(1);
        assertThat(leagueDown.path("reason").asText()).startsWith("1 dead letter(s); first: ")
                .contains(ReportSubmitted.class.getName()).contains(" at position ").contains(missing);
        assertThat(leagueDown.path("firstDeadLetter").path("eventType").asText())
                .isEqualTo(ReportSubmitted.class.getName());
        assertThat(leagueDown.path("firstDeadLetter").path("position").isIntegralNumber()).isTrue();
        assertThat(leagueDown.path("firstDeadLetter").path("cause").asText()).contains(missing);
        assertThat(scrape()).contains("thidua_processor_dead_letters{application=\"thidua\",processor=\"league-table\"} 1.0");
        JsonNode stillFailing = api.post("/api/v1/admin/projections/league-table/dead-letters/retry").as(OPERATOR)
                .send().json();
        assertThat(stillFailing.path("after").asLong()).isEqualTo(1);

        // Once the campaign exists the same event goes through on retry.
        Fixture f = unlaunched();
        Fixture named = new Fixture(f.tag(), f.cluster(), missing, f.units(), f.head(), f.officers(), f.board(),
                f.auditor(), f.pledgeDeadline(), f.q1Due(), f.yearDue());
        driver.launch(named);
        JsonNode retried = api.post("/api/v1/admin/projections/league-table/dead-letters/retry").as(OPERATOR).send()
                .json();
        assertThat(retried.path("before").asLong()).isEqualTo(1);
        assertThat(retried.path("after").asLong()).isZero();
        JsonNode leagueUp = api.get("/actuator/health").as(OPERATOR).send().json().path("components")
                .path("processors").path("details").path("league-table");
        assertThat(leagueUp.path("deadLetters").asLong()).isZero();
        assertThat(leagueUp.has("reason")).isFalse();
    }

    @Override
    void awaitRebuilt() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode all = api.get("/api/v1/admin/projections").as(OPERATOR).send().json();
            for (JsonNode p : all) {
                if (!"LIVE".equals(p.path("status").asText()) || p.path("position").asLong() < p.path("headPosition")
                        .asLong()) {
                    return false;
                }
            }
            return true;
        });
    }

    Map<String, List<Map<String, Object>>> readModels() {
        return ReadModels.snapshot(jdbc);
    }

    @Autowired
    org.axonframework.config.EventProcessingConfiguration processing;

    /** Consistency: wait and the live league table both rely on the campaign policy being the one configured. */
    @Test
    void theLeagueTableProcessorSequencesByCampaign() {
        assertThat(processing.sequencingPolicy(vn.thidua.query.league.LeagueTableProjection.GROUP))
                .isInstanceOf(vn.thidua.query.league.CampaignSequencing.class);
        assertThat(processing.sequencingPolicy("audit"))
                .isNotInstanceOf(vn.thidua.query.league.CampaignSequencing.class);
    }

    @Test
    void prometheusAndHealthShowProcessorsCommandsAndRefusals() {
        Fixture f = campaign();
        driver.pledged(f, 1, 100, true, 50);
        assertRule(recordsNothing(() -> driver.pledge(f, 2, 50, true, 50)), "pledge.below-floor");
        String processed = "eventProcessor_processedCounter_total{application=\"thidua\",payloadType=\"PledgeSubmitted\","
                + "processorName=\"league-table\"}";
        await().atMost(Duration.ofSeconds(20)).until(() -> scrape().contains(processed));
        String metrics = scrape();
        assertThat(metrics)
                .contains("commandBus_successCounter_total{application=\"thidua\",payloadType=\"SubmitPledge\"}")
                .contains("thidua_processor_lag_events{application=\"thidua\",processor=\"league-table\"}")
                .contains("thidua_processor_lag_seconds{application=\"thidua\",processor=\"audit\"}")
                .contains("thidua_processor_dead_letters{application=\"thidua\",processor=\"unit-progress\"}")
                .contains("thidua_commands_refused_total{application=\"thidua\",rule=\"pledge.below-floor\"}")
                .contains("http_server_requests_seconds_count")
                .contains("thidua_aggregate_cache_size{aggregate=\"Participation\",application=\"thidua\"}")
                .contains("thidua_aggregate_cache_lookups_total{aggregate=\"Participation\",application=\"thidua\","
                        + "result=\"stale\"}");
        // Details and metrics are the operators' (issue 10): anonymous callers get the status only.
        JsonNode health = api.get("/actuator/health").as(OPERATOR).send().json();
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
        JsonNode processors = health.path("components").path("processors");
        assertThat(processors.path("status").asText()).isEqualTo("UP");
        assertThat(processors.path("details").path("league-table").path("error").asBoolean()).isFalse();
    }

    String scrape() {
        Response r = api.get("/actuator/prometheus").as(OPERATOR).header("Accept", "text/plain").send();
        assertStatus(r, 200);
        return r.body();
    }

    @Test
    void anOperatorSplitsAndMergesAProcessorsSegments() {
        JsonNode split = api.post("/api/v1/admin/projections/unit-progress/segments/0/split").as(OPERATOR).send()
                .json();
        assertThat(split.path("done").asBoolean()).as("%s", split).isTrue();
        assertThat(split.path("segments").asInt()).isEqualTo(5);
        JsonNode merged = api.post("/api/v1/admin/projections/unit-progress/segments/0/merge").as(OPERATOR).send()
                .json();
        assertThat(merged.path("done").asBoolean()).as("%s", merged).isTrue();
        assertThat(merged.path("segments").asInt()).isEqualTo(4);
        assertProblem(api.post("/api/v1/admin/projections/unit-progress/segments/0/split").as(driver.user(
                "aud-" + Driver.tag().toLowerCase(), null, "AUDITOR")).send(), 403, "forbidden", "Forbidden");
    }
}
