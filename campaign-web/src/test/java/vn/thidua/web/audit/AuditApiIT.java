package vn.thidua.web.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.thidua.web.testsupport.OnH2;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The audit trail through real HTTP: who did what, what changed, paging, filters and the NDJSON export. */
@OnH2
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "thidua.demo.enabled=false", "thidua.admin.user=ops", "thidua.admin.password=ops-password-1"})
class AuditApiIT {
    private static final String PW = "Audit-test-pw-1";
    private static final String[] OPS = {"ops", "ops-password-1"};
    private static final String[] HEAD = {"aud-head", PW};
    private static final String[] BOARD = {"aud-board", PW};
    private static final String[] AUDITOR = {"aud-auditor", PW};
    private static final String[] OFFICER1 = {"aud-officer-1", PW};
    private static final String[] OFFICER2 = {"aud-officer-2", PW};
    private static final String CLUSTER = "AUDCL";
    private static final String CAMPAIGN = "audit-campaign";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static boolean seeded;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void history() throws Exception {
        if (seeded) {
            return;
        }
        seeded = true;
        // The cluster first: a unit officer or head is created only for a unit of a registered cluster.
        expect(201, send("POST", "/api/v1/clusters", Map.of("code", CLUSTER, "name", "Cụm kiểm toán",
                "members", List.of(Map.of("code", "A1", "name", "Xã A1", "kind", "COMMUNE"),
                        Map.of("code", "A2", "name", "Xã A2", "kind", "COMMUNE"))), OPS));
        for (Object[] user : new Object[][]{{HEAD, "CLUSTER_HEAD", "A1"}, {BOARD, "BOARD", null},
                {AUDITOR, "AUDITOR", null}, {OFFICER1, "UNIT_OFFICER", "A1"}, {OFFICER2, "UNIT_OFFICER", "A2"}}) {
            String[] who = (String[]) user[0];
            Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("username", who[0], "password", who[1],
                    "displayName", who[0], "roles", List.of(user[1])));
            if (user[2] != null) {
                body.put("unitCode", user[2]);
            }
            expect(201, send("POST", "/api/v1/admin/users", body, OPS));
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        String campaign = """
                {"campaignId": "%s", "clusterCode": "%s", "year": %d, "title": "Kiểm tra nhật ký", "headUnit": "A1",
                 "pledgeDeadline": "%s",
                 "periods": [{"code": "Q1", "title": "Quý I", "dueDate": "%s"}],
                 "contents": [{"code": "K1", "title": "Kinh tế", "indicators": [
                   {"code": "REV", "title": "Thu ngân sách", "unit": "%%", "kind": "QUANTITATIVE",
                    "direction": "HIGHER_IS_BETTER", "floor": 100, "weight": 60},
                   {"code": "OK", "title": "Hoàn thành", "unit": "", "kind": "QUALITATIVE", "floor": null,
                    "weight": 40}]}],
                 "scoringRules": {"version": 1, "method": "RATIO_CAPPED", "cap": 1.2, "latePenalty": 0,
                                  "missingPenalty": 0, "rejectedPenalty": 0}}
                """.formatted(CAMPAIGN, CLUSTER, today.getYear(), today.plusDays(10), today.plusDays(40));
        expect(201, sendRaw("POST", "/api/v1/campaigns", campaign, HEAD));
        String campaignPath = "/api/v1/campaigns/" + CAMPAIGN;
        expect(201, send("PUT", campaignPath + "/pledges/A1", Map.of("targets", Map.of("REV", 110, "OK", true)),
                OFFICER1));
        expect(201, send("PUT", campaignPath + "/pledges/A2", Map.of("targets", Map.of("REV", 120, "OK", true)),
                OFFICER2));
        expect(200, send("PUT", campaignPath + "/pledges/A1", Map.of("targets", Map.of("REV", 125, "OK", true)),
                OFFICER1));
        expect(201, send("PUT", campaignPath + "/reports/A1/Q1", Map.of("values", Map.of("REV", 115, "OK", true)),
                OFFICER1));
        expect(200, send("PUT", campaignPath + "/reports/A1/Q1", Map.of("values", Map.of("REV", 116.5, "OK", true),
                "reason", "sửa số liệu"), OFFICER1));
        expect(200, send("POST", campaignPath + "/reports/A1/Q1/verification", Map.of("verdict", "VERIFIED",
                "comment", "kiểm tra chéo", "verifiedValues", Map.of("REV", 114),
                "reasons", Map.of("REV", "thiếu chứng từ")), BOARD));
        expect(201, send("PUT", campaignPath + "/reports/A2/Q1", Map.of("values", Map.of("REV", 100, "OK", true)),
                OFFICER2));
        expect(200, send("POST", campaignPath + "/reports/A2/Q1/verification", Map.of("verdict", "REJECTED",
                "comment", "thiếu minh chứng"), BOARD));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode page = json(get("/api/v1/audit?campaignId=" + CAMPAIGN + "&size=500", AUDITOR));
            return types(page).contains("ReportRejected");
        });
    }

    @Test
    void everySubmissionAndDecisionWithWhoWhenAndWhatChanged() throws Exception {
        JsonNode page = json(get("/api/v1/audit?campaignId=" + CAMPAIGN, AUDITOR));
        List<JsonNode> entries = list(page.get("entries"));
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(50);
        assertThat(page.get("total").asLong()).isEqualTo(entries.size());
        assertThat(types(page)).containsSubsequence("CampaignLaunched", "PledgeSubmitted", "PledgeSubmitted",
                "PledgeRevised", "ReportSubmitted", "ReportCorrected", "ReportVerified", "ReportSubmitted",
                "ReportRejected");
        assertThat(positions(entries)).isSorted().doesNotHaveDuplicates();
        for (JsonNode entry : entries) {
            assertThat(entry.get("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(entry.get("aggregateId").asText()).isNotBlank();
            assertThat(entry.get("sequence").isIntegralNumber()).isTrue();
            assertThat(entry.get("payload").isObject()).as("payload is a JSON object").isTrue();
            assertThat(entry.get("actor").get("user").isTextual()).isTrue();
        }

        JsonNode launched = only(entries, "CampaignLaunched");
        assertThat(launched.get("aggregateId").asText()).isEqualTo("campaign:" + CAMPAIGN);
        assertThat(launched.get("actor").get("user").asText()).isEqualTo(HEAD[0]);
        assertThat(launched.get("actor").get("role").asText()).isEqualTo("CLUSTER_HEAD");

        JsonNode firstPledge = entries.stream().filter(e -> e.get("type").asText().equals("PledgeSubmitted"))
                .findFirst().orElseThrow();
        assertThat(firstPledge.get("changes").isNull()).isTrue();
        assertThat(firstPledge.get("sequence").asLong()).isZero();

        JsonNode revised = only(entries, "PledgeRevised");
        assertThat(revised.get("aggregateId").asText()).isEqualTo("participation:" + CAMPAIGN + ":A1");
        assertThat(revised.get("actor").get("user").asText()).isEqualTo(OFFICER1[0]);
        assertThat(revised.get("actor").get("unit").asText()).isEqualTo("A1");
        assertThat(revised.get("actor").get("role").asText()).isEqualTo("UNIT_OFFICER");
        assertThat(revised.get("payload").get("targets").get("REV").decimalValue()).isEqualByComparingTo("125");
        assertThat(changes(revised)).containsExactly("REV: 110 -> 125");

        JsonNode corrected = only(entries, "ReportCorrected");
        assertThat(corrected.get("payload").get("reason").asText()).isEqualTo("sửa số liệu");
        assertThat(changes(corrected)).containsExactly("REV: 115 -> 116.5");

        JsonNode verified = only(entries, "ReportVerified");
        assertThat(verified.get("actor").get("user").asText()).isEqualTo(BOARD[0]);
        assertThat(verified.get("actor").get("role").asText()).isEqualTo("BOARD");
        assertThat(changes(verified)).containsExactly("REV: 116.5 -> 114", "status: SUBMITTED -> VERIFIED");

        JsonNode rejected = only(entries, "ReportRejected");
        assertThat(rejected.get("aggregateId").asText()).isEqualTo("participation:" + CAMPAIGN + ":A2");
        assertThat(changes(rejected)).containsExactly("status: SUBMITTED -> REJECTED");
    }

    @Test
    void pagesAndFilters() throws Exception {
        List<JsonNode> all = list(json(get("/api/v1/audit?campaignId=" + CAMPAIGN, AUDITOR)).get("entries"));

        JsonNode second = json(get("/api/v1/audit?campaignId=" + CAMPAIGN + "&page=1&size=3", AUDITOR));
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(second.get("size").asInt()).isEqualTo(3);
        assertThat(second.get("total").asLong()).isEqualTo(all.size());
        assertThat(positions(list(second.get("entries")))).isEqualTo(positions(all.subList(3, 6)));
        JsonNode beyond = json(get("/api/v1/audit?campaignId=" + CAMPAIGN + "&page=100&size=3", AUDITOR));
        assertThat(beyond.get("entries")).isEmpty();
        assertThat(beyond.get("total").asLong()).isEqualTo(all.size());

        JsonNode a2 = json(get("/api/v1/audit?campaignId=" + CAMPAIGN + "&unitCode=A2", AUDITOR));
        assertThat(types(a2)).containsExactly("PledgeSubmitted", "ReportSubmitted", "ReportRejected");
        assertThat(a2.get("total").asLong()).isEqualTo(3);

        JsonNode revisions = json(get("/api/v1/audit?campaignId=" + CAMPAIGN + "&type=PledgeRevised", AUDITOR));
        assertThat(types(revisions)).containsExactly("PledgeRevised");

        JsonNode corrected = only(all, "ReportCorrected");
        JsonNode verified = only(all, "ReportVerified");
        JsonNode window = json(get("/api/v1/audit?campaignId=" + CAMPAIGN + "&from="
                + encode(corrected.get("at").asText()) + "&to=" + encode(verified.get("at").asText()), AUDITOR));
        assertThat(types(window)).containsExactly("ReportCorrected");
        JsonNode sinceVerified = json(get("/api/v1/audit?campaignId=" + CAMPAIGN + "&from="
                + encode(verified.get("at").asText()), AUDITOR));
        assertThat(types(sinceVerified)).startsWith("ReportVerified").endsWith("ReportRejected");
        JsonNode offset = json(get("/api/v1/audit?campaignId=" + CAMPAIGN + "&to="
                + encode("2000-01-01T07:00:00+07:00"), AUDITOR));
        assertThat(offset.get("total").asLong()).isZero();
    }

    @Test
    void refusesBadParametersAndAnonymousReaders() throws Exception {
        for (String query : List.of("from=yesterday", "to=2025-13-01T00:00:00Z", "size=501", "size=0", "page=-1",
                "page=x")) {
            HttpResponse<String> response = get("/api/v1/audit?" + query, AUDITOR);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        }
        assertThat(get("/api/v1/audit?size=500", AUDITOR).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/audit", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/audit/export?campaignId=" + CAMPAIGN, null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/audit", new String[]{AUDITOR[0], "wrong-password"}).statusCode()).isEqualTo(401);
    }

    @Test
    void exportsNdjsonInStoredOrder() throws Exception {
        JsonNode page = json(get("/api/v1/audit?campaignId=" + CAMPAIGN + "&size=500", AUDITOR));
        HttpResponse<String> export = get("/api/v1/audit/export?campaignId=" + CAMPAIGN, OFFICER2);

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        List<String> lines = export.body().lines().toList();
        assertThat(lines).hasSize(page.get("total").asInt());
        List<JsonNode> exported = new ArrayList<>();
        for (String line : lines) {
            JsonNode entry = JSON.readTree(line);
            assertThat(entry.isObject()).isTrue();
            exported.add(entry);
        }
        assertThat(positions(exported)).isSorted().doesNotHaveDuplicates();
        assertThat(exported).isEqualTo(list(page.get("entries")));

        HttpResponse<String> a2 = get("/api/v1/audit/export?campaignId=" + CAMPAIGN + "&unitCode=A2", AUDITOR);
        assertThat(a2.body().lines().map(l -> read(l).get("type").asText()).toList())
                .containsExactly("PledgeSubmitted", "ReportSubmitted", "ReportRejected");
        assertThat(get("/api/v1/audit/export?from=nope", AUDITOR).statusCode()).isEqualTo(400);
    }

    // ---------------------------------------------------------------------------------------------------------

    private static JsonNode only(List<JsonNode> entries, String type) {
        List<JsonNode> found = entries.stream().filter(e -> e.get("type").asText().equals(type)).toList();
        assertThat(found).as(type).hasSize(1);
        return found.get(0);
    }

    private static List<String> changes(JsonNode entry) {
        assertThat(entry.get("changes").isArray()).as("changes of " + entry.get("type")).isTrue();
        return list(entry.get("changes")).stream()
                .map(c -> c.get("field").asText() + ": " + c.get("from").asText() + " -> " + c.get("to").asText())
                .toList();
    }

    private static List<String> types(JsonNode page) {
        return list(page.get("entries")).stream().map(e -> e.get("type").asText()).collect(Collectors.toList());
    }

    private static List<Long> positions(List<JsonNode> entries) {
        return entries.stream().map(e -> e.get("position").asLong()).toList();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return read(response.body());
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.request().uri() + ": "
                + response.body()).isEqualTo(status);
    }

    private HttpResponse<String> get(String path, String[] user) throws Exception {
        return sendRaw("GET", path, null, user);
    }

    private HttpResponse<String> send(String method, String path, Object body, String[] user) throws Exception {
        return sendRaw(method, path, JSON.writeValueAsString(body), user);
    }

    private HttpResponse<String> sendRaw(String method, String path, String body, String[] user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user[0] + ":" + user[1]).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
