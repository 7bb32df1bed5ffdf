package vn.thidua.web.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.thidua.domain.shared.Numbers;
import vn.thidua.domain.shared.Text;
import vn.thidua.web.ThiDuaApplication;
import vn.thidua.web.testsupport.Api;
import vn.thidua.web.testsupport.Driver;
import vn.thidua.web.testsupport.Fixture;
import vn.thidua.web.testsupport.Rows;
import vn.thidua.web.testsupport.Waits;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thidua.web.testsupport.Driver.map;

/**
 * Fuzzing every write endpoint of the REST contract over real HTTP (the application on a random port with a database
 * of its own, started by a concrete subclass). The request bodies are generated from the request-body schemas of the
 * application's own OpenAPI document ({@code /v3/api-docs}, read once at start): objects with their properties
 * (sometimes left out, null, of the wrong type), maps, arrays, enums, codes, dates, numbers and texts, and besides
 * them valid example bodies with one to three values replaced, and whole bodies that are not the expected JSON at
 * all. Every value may be hostile: numbers out of the product's range or precision ({@code 1e-1000},
 * {@code 1e25}, {@code 1e999999999}, {@code -0}, huge integers, {@code 0.0000001}, numbers and NaN as strings,
 * 2,000-digit numbers) and texts with NUL, C1 controls, bidirectional overrides, zero-width characters, lone
 * surrogates (escaped in the JSON), 10,000 characters, path traversal, SQL, decomposed Vietnamese. Each request goes
 * as the role that may make it (the operator, the cluster head, the unit's officer, the board), to a campaign,
 * unit, period or commendation that exists (sometimes to a hostile path segment).
 *
 * <p>Properties, for every request: never a 5xx; every answer that is not a 2xx is {@code application/problem+json};
 * for every refused body (4xx) the number of rows of the event store (and of users) is unchanged; for every
 * accepted one, what it stored reads back and holds only numbers within the product's range ({@link Numbers}) and
 * text without the characters {@link Text} forbids. After all of
 * them: the projections are caught up and hold no dead letter (nothing that was accepted breaks a projection).
 * Every POST and PUT operation of the OpenAPI document is fuzzed by one of the groups, or named here as left out
 * with the reason ({@link #NOT_FUZZED}).
 */
abstract class WriteEndpointFuzz {
    static final Api.Creds OPERATOR = new Api.Creds("ops", "Ops-fuzz-secret-1");
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Operations without a JSON body that act on operations' state, not on input: left to their own tests. */
    static final Map<String, String> NOT_FUZZED = Map.of(
            "POST /api/v1/admin/projections/{name}/replay", "no body; replays a projection (ReadSideScenarios)",
            "POST /api/v1/admin/projections/{name}/segments/{segment}/{operation}",
            "no body; splits and merges processor segments (operations tests)",
            "POST /api/v1/admin/projections/{name}/dead-letters/retry", "no body; retries dead letters",
            "POST /api/v1/campaigns/{campaignId}/reports/{unitCode}/{periodCode}/evidence",
            "multipart/form-data, not a JSON body: hostile files (a renamed executable, HTML called .pdf, a zip bomb,"
                    + " an empty file, one over the limit, a hostile name) are EvidenceScenarios'");

    /** The groups, by the operations (method and path template of the OpenAPI document) each one fuzzes. */
    static final Map<String, List<String>> GROUPS = Map.of(
            "clusters", List.of("POST /api/v1/clusters"),
            "campaigns", List.of("POST /api/v1/campaigns", "POST /api/v1/campaigns/{campaignId}/scoring-rules",
                    "POST /api/v1/campaigns/{campaignId}/close",
                    "POST /api/v1/campaigns/{campaignId}/league-table/preview"),
            "submissions", List.of("PUT /api/v1/campaigns/{campaignId}/pledges/{unitCode}",
                    "PUT /api/v1/campaigns/{campaignId}/reports/{unitCode}/{periodCode}",
                    "POST /api/v1/campaigns/{campaignId}/reports/{unitCode}/{periodCode}/verification"),
            "commendations", List.of("POST /api/v1/campaigns/{campaignId}/commendations",
                    "POST /api/v1/commendations/{id}/approval", "POST /api/v1/commendations/{id}/rejection",
                    "POST /api/v1/commendations/{id}/conferral", "POST /api/v1/commendations/{id}/revocation"),
            "users", List.of("POST /api/v1/admin/users"),
            "ballots", List.of("POST /api/v1/campaigns/{campaignId}/ballots", "POST /api/v1/ballots/{ballotId}/votes",
                    "POST /api/v1/ballots/{ballotId}/close"),
            "inspection", List.of("POST /api/v1/campaigns/{campaignId}/inspections",
                    "POST /api/v1/campaigns/{campaignId}/league-table/approval"),
            "notice", List.of("POST /api/v1/commendations/{id}/comments",
                    "POST /api/v1/commendations/{id}/comments/{commentId}/response"),
            "evidence", List.of("POST /api/v1/evidence/{evidenceId}/withdrawal"));

    static ConfigurableApplicationContext app;
    static Api api;
    static JdbcTemplate jdbc;
    static JsonNode openApi;
    static Fixture open;
    static Fixture closed;
    static Fixture closing;
    static final List<String> commendations = new CopyOnWriteArrayList<>();
    static final List<String> ballots = new CopyOnWriteArrayList<>();
    static final Map<String, Map<Integer, AtomicInteger>> statuses = new ConcurrentHashMap<>();

    /** One generated request: the operation, the path with its parameters filled in, who sends it, the body. */
    record Call(String operation, String path, Api.Creds as, String body) {
        @Override
        public String toString() {
            String shown = body.length() > 400 ? body.substring(0, 400) + "…(" + body.length() + " chars)" : body;
            return operation + " as " + as.username() + " at " + path + " with " + shown;
        }
    }

    // ---------------------------------------------------------------- the application and its world

    static void start(String... properties) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--thidua.demo.enabled=false",
                "--thidua.admin.user=" + OPERATOR.username(), "--thidua.admin.password=" + OPERATOR.password(),
                "--axon.update-check.disabled=true"));
        for (String p : properties) {
            args.add("--" + p);
        }
        long t0 = System.nanoTime();
        app = new SpringApplicationBuilder(ThiDuaApplication.class).run(args.toArray(String[]::new));
        int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
        api = new Api(port);
        jdbc = app.getBean(JdbcTemplate.class);
        Api.Response doc = api.get("/v3/api-docs").as(OPERATOR).send();
        assertThat(doc.status()).as("%s", doc).isEqualTo(200);
        openApi = doc.json();

        Driver driver = new Driver(api, OPERATOR);
        open = driver.campaign();
        for (int u = 0; u < 3; u++) {
            driver.pledged(open, u, 100, true, 50);
        }
        driver.reported(open, 1, "Q1", 110, true, 55);
        closing = driver.launch(open.forNewCampaign(Driver.tag()));
        closed = driver.launch(open.forNewCampaign(Driver.tag()));
        Object[][] reports = {{110, true, 55}, {150, true, 75}, {100, true, 50}};
        for (int u = 0; u < 3; u++) {
            driver.pledged(closed, u, 100, true, 50);
            driver.reported(closed, u, "Q1", reports[u][0], reports[u][1], reports[u][2]);
            Api.Response r = api.post(closed.reportPath(u, "Q1") + "/verification").as(closed.board())
                    .header("Consistency", "wait").json(map("verdict", "VERIFIED", "comment", "đạt")).send();
            assertThat(r.status()).as("%s", r).isEqualTo(200);
        }
        Api.Response r = api.post(closed.campaignPath() + "/close").as(closed.head()).header("Consistency", "wait")
                .send();
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        for (String award : List.of("PROVINCIAL_FLAG", "CERTIFICATE")) {
            r = api.post(closed.campaignPath() + "/commendations").as(closed.head()).header("Consistency", "wait")
                    .json(proposalExample(award)).send();
            if (r.status() == 201) {
                commendations.add(r.json().path("commendationId").asText());
            }
        }
        assertThat(commendations).as("commendations proposed for the fuzz").isNotEmpty();
        for (int b = 0; b < 3; b++) {
            r = api.post(closed.campaignPath() + "/ballots").as(closed.head()).header("Consistency", "wait")
                    .json(ballotExample()).send();
            assertThat(r.status()).as("%s", r).isEqualTo(201);
            ballots.add(r.json().path("ballotId").asText());
        }
        System.out.printf("[fuzz] application and its world ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    static void stop() {
        try {
            if (app != null) {
                System.out.println("[fuzz] answers per group and status: " + new TreeMap<>(statuses));
                assertNoProjectionBroken();
            }
        } finally {
            if (app != null) {
                app.close();
                app = null;
            }
            commendations.clear();
            ballots.clear();
            statuses.clear();
            checkedUsers.clear();
        }
    }

    // ---------------------------------------------------------------- the properties

    /** Sends the call and checks: no 5xx, problem+json for every non-2xx, nothing recorded for a 4xx. */
    static void check(String group, Call generated) {
        Call call = new Call(generated.operation(), generated.path(), generated.as(), fresh(generated.body()));
        long lastEvent = lastEvent();
        long events = count("domain_event_entry");
        long users = count("app_user");
        Api.Response r = api.request(call.operation().substring(0, call.operation().indexOf(' ')), call.path())
                .as(call.as()).raw(call.body()).send();
        statuses.computeIfAbsent(group, g -> new ConcurrentHashMap<>())
                .computeIfAbsent(r.status(), s -> new AtomicInteger()).incrementAndGet();
        if (r.status() == 201 && call.operation().equals(GROUPS.get("commendations").get(0))) {
            String id = r.json().path("commendationId").asText("");
            if (!id.isEmpty()) {
                commendations.add(id);
            }
        }
        assertThat(r.status()).as("no 5xx: %s%n  answered %s", call, r).isLessThan(500);
        if (r.status() < 200 || r.status() >= 300) {
            assertThat(r.contentType()).as("a non-2xx answer is problem+json: %s%n  answered %s", call, r)
                    .startsWith("application/problem+json");
        }
        if (r.status() >= 400) {
            assertThat(count("domain_event_entry")).as("events after a refused %s%n  answered %s", call, r)
                    .isEqualTo(events);
            assertThat(count("app_user")).as("users after a refused %s%n  answered %s", call, r).isEqualTo(users);
        }
        if (r.status() >= 200 && r.status() < 300) {
            assertStoredIsAcceptable(call, r, lastEvent);
        }
    }

    /**
     * What an accepted request stored is within the product's definitions: every event written since
     * {@code lastEvent} reads back as JSON (with the reader's default limits), every number in it within
     * {@link Numbers}' range, every text free of what {@link Text} forbids (in free text, the looser rule); the same
     * for the users' display names.
     */
    static void assertStoredIsAcceptable(Call call, Api.Response r, long lastEvent) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT global_index, payload_type, payload, meta_data"
                + " FROM domain_event_entry WHERE global_index > ? ORDER BY global_index", lastEvent);
        for (Map<String, Object> row : rows) {
            for (String column : List.of("payload", "meta_data")) {
                String json = new String((byte[]) row.get(column), StandardCharsets.UTF_8);
                JsonNode stored;
                try {
                    stored = Api.JSON.readTree(json);
                } catch (Exception e) {
                    throw new AssertionError("event " + row.get("global_index") + " (" + row.get("payload_type")
                            + ") stored by " + call + " does not read back: " + e.getMessage(), e);
                }
                List<String> bad = new ArrayList<>();
                unacceptable(stored, "", bad);
                assertThat(bad).as("values outside the product's range in the %s of event %s (%s) stored by %s%n"
                        + "  answered %s", column, row.get("global_index"), row.get("payload_type"), call, r).isEmpty();
            }
        }
        for (Map<String, Object> user : jdbc.queryForList("SELECT username, display_name FROM app_user")) {
            String name = String.valueOf(user.get("display_name"));
            if (checkedUsers.add(String.valueOf(user.get("username")))) {
                assertThat(name.codePoints().filter(c -> Text.forbidden(c, false)).boxed().toList())
                        .as("forbidden characters in the display name of user %s created by %s%n  answered %s",
                                user.get("username"), call, r).isEmpty();
            }
        }
    }

    static final Set<String> checkedUsers = ConcurrentHashMap.newKeySet();

    private static void unacceptable(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                unacceptable(NODES.textNode(e.getKey()), path + "/<key " + e.getKey() + ">", out);
                unacceptable(e.getValue(), path + "/" + e.getKey(), out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                unacceptable(node.get(i), path + "/" + i, out);
            }
        } else if (node.isNumber()) {
            if (!Numbers.acceptable(node.decimalValue())) {
                out.add(path + " = " + abbreviated(node.asText()));
            }
        } else if (node.isTextual()) {
            if (node.asText().codePoints().anyMatch(c -> Text.forbidden(c, true))) {
                out.add(path + " = " + escaped(abbreviated(node.asText())));
            }
        }
    }

    private static String abbreviated(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…(" + s.length() + " chars)" : s;
    }

    static long lastEvent() {
        Long n = jdbc.queryForObject("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry", Long.class);
        return n == null ? 0 : n;
    }

    /**
     * What the fuzz found first: a user's display name with a NUL (or any character {@link Text} forbids) was stored
     * (users are rows, not events, so the command interceptor never saw it; PostgreSQL refuses a NUL outright).
     */
    @Example
    void aDisplayNameWithControlCharactersIsRefused() {
        for (String name : List.of("a\u0000b", "Nguy\u202eễn", "Cán\u200bbộ", "x\u0085y")) {
            long users = count("app_user");
            String body = "{\"username\":\"fz-" + Driver.tag().toLowerCase(java.util.Locale.ROOT)
                    + "\",\"password\":\"It-password-1-long\",\"displayName\":\"" + name
                    + "\",\"roles\":[\"BOARD\"]}";
            Api.Response r = api.post("/api/v1/admin/users").as(OPERATOR).raw(body).send();
            assertThat(r.status()).as("%s", r).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().path("errors").findValuesAsText("field")).as("%s", r).contains("displayName");
            assertThat(count("app_user")).as("users after %s", r).isEqualTo(users);
        }
    }

    /** Every POST and PUT of the OpenAPI document is in a group or left out with a reason. */
    @Example
    void everyWriteOperationOfTheOpenApiDocumentIsFuzzed() {
        Set<String> fuzzed = new java.util.HashSet<>();
        GROUPS.values().forEach(fuzzed::addAll);
        List<String> missing = new ArrayList<>();
        openApi.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            String op = m.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey();
            if (Set.of("POST", "PUT", "PATCH", "DELETE").contains(m.toUpperCase(java.util.Locale.ROOT))
                    && !fuzzed.contains(op) && !NOT_FUZZED.containsKey(op)) {
                missing.add(op);
            }
        }));
        assertThat(missing).as("write operations of /v3/api-docs that no fuzz group sends to").isEmpty();
        for (String op : fuzzed) {
            String[] mp = op.split(" ", 2);
            assertThat(openApi.path("paths").path(mp[1]).has(mp[0].toLowerCase(java.util.Locale.ROOT)))
                    .as("%s is in the OpenAPI document", op).isTrue();
        }
    }

    static void assertNoProjectionBroken() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        boolean caughtUp = false;
        while (!caughtUp && System.nanoTime() < deadline) {
            JsonNode all = api.get("/api/v1/admin/projections").as(OPERATOR).send().json();
            caughtUp = all.size() >= 3;
            for (JsonNode p : all) {
                caughtUp &= "LIVE".equals(p.path("status").asText())
                        && p.path("position").asLong() >= p.path("headPosition").asLong();
            }
            Waits.sleep(200);
        }
        assertThat(caughtUp).as("projections caught up after the fuzz").isTrue();
        assertThat(count("dead_letter_entry")).as("dead letters after the fuzz (an accepted body broke a projection)")
                .isZero();
    }

    static long count(String table) {
        return Rows.count(jdbc, table);
    }

    // ---------------------------------------------------------------- the properties, one a group; the number of
    // tries is each subclass's (its @PropertyDefaults)

    @Property
    void clusters(@ForAll("clusterCalls") Call call) {
        check("clusters", call);
    }

    @Property
    void campaigns(@ForAll("campaignCalls") Call call) {
        check("campaigns", call);
    }

    @Property
    void submissions(@ForAll("submissionCalls") Call call) {
        check("submissions", call);
    }

    @Property
    void commendations(@ForAll("commendationCalls") Call call) {
        check("commendations", call);
    }

    @Property
    void users(@ForAll("userCalls") Call call) {
        check("users", call);
    }

    @Property
    void ballots(@ForAll("ballotCalls") Call call) {
        check("ballots", call);
    }

    // ---------------------------------------------------------------- the generated calls, one provider a group

    @Provide
    Arbitrary<Call> clusterCalls() {
        return calls("clusters");
    }

    @Provide
    Arbitrary<Call> campaignCalls() {
        return calls("campaigns");
    }

    @Provide
    Arbitrary<Call> submissionCalls() {
        return calls("submissions");
    }

    @Provide
    Arbitrary<Call> commendationCalls() {
        return calls("commendations");
    }

    @Provide
    Arbitrary<Call> userCalls() {
        return calls("users");
    }

    @Provide
    Arbitrary<Call> ballotCalls() {
        return calls("ballots");
    }

    // ---------------------------------------------------------------- requests of a group

    static Arbitrary<Call> calls(String group) {
        List<Arbitrary<Call>> each = GROUPS.get(group).stream().map(WriteEndpointFuzz::callsTo).toList();
        return Arbitraries.oneOf(each);
    }

    static Arbitrary<Call> callsTo(String operation) {
        String[] mp = operation.split(" ", 2);
        JsonNode op = openApi.path("paths").path(mp[1]).path(mp[0].toLowerCase(java.util.Locale.ROOT));
        assertThat(op.isMissingNode()).as("%s in /v3/api-docs", operation).isFalse();
        JsonNode schema = op.path("requestBody").path("content").path("application/json").path("schema");
        JsonNode example = example(operation);
        Arbitrary<String> fromSchema = schema.isMissingNode() ? anyValue().map(WriteEndpointFuzz::text)
                : value(schema, "", 0).map(WriteEndpointFuzz::text);
        Arbitrary<String> body = Arbitraries.frequencyOf(
                Tuple.of(3, fromSchema),
                Tuple.of(3, mutated(example, hostileValue()).map(WriteEndpointFuzz::text)),
                Tuple.of(3, mutated(example, plausibleValue()).map(WriteEndpointFuzz::text)),
                Tuple.of(1, Arbitraries.just(text(example))),
                Tuple.of(1, notTheBody()));
        Arbitrary<Map<String, String>> params = pathParameters(operation, mp[1]);
        return Combinators.combine(params, body).as((p, b) -> {
            String path = mp[1];
            for (Map.Entry<String, String> e : p.entrySet()) {
                path = path.replace("{" + e.getKey() + "}", e.getValue());
            }
            return new Call(operation, path, role(operation, p), b);
        });
    }

    /** Path parameters: an existing campaign, unit, period or commendation, now and then a hostile segment. */
    static Arbitrary<Map<String, String>> pathParameters(String operation, String template) {
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        if (names.isEmpty()) {
            return Arbitraries.just(Map.of());
        }
        List<Arbitrary<String>> values = new ArrayList<>();
        for (String name : names) {
            Arbitrary<String> good = switch (name) {
                case "campaignId" -> Arbitraries.just(campaignFor(operation).campaignId());
                case "unitCode" -> Arbitraries.of(open.units());
                case "periodCode" -> Arbitraries.of("Q1", "Y");
                case "id" -> Arbitraries.of(commendations);
                case "ballotId" -> Arbitraries.of(ballots);
                default -> Arbitraries.just("x");
            };
            values.add(Arbitraries.frequencyOf(Tuple.of(12, good), Tuple.of(1, Arbitraries.of(HOSTILE_SEGMENTS))));
        }
        return Combinators.combine(values).as(list -> {
            Map<String, String> p = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                p.put(names.get(i), list.get(i));
            }
            return p;
        });
    }

    static Fixture campaignFor(String operation) {
        if (operation.contains("/commendations") || operation.contains("/ballots")) {
            return closed;
        }
        if (operation.endsWith("/close")) {
            return closing;
        }
        return open;
    }

    /** The role allowed to make the request (for a unit's submission, that unit's officer). */
    static Api.Creds role(String operation, Map<String, String> params) {
        if (operation.contains("/admin/") || operation.equals("POST /api/v1/clusters")) {
            return OPERATOR;
        }
        if (operation.contains("/pledges/") || operation.endsWith("{periodCode}")) {
            int unit = open.units().indexOf(params.get("unitCode"));
            return open.officer(Math.max(unit, 0));
        }
        if (operation.contains("/verification") || operation.startsWith("POST /api/v1/commendations/")) {
            return open.board();
        }
        if (operation.endsWith("/preview")) {
            return open.auditor();
        }
        if (operation.endsWith("/votes")) {
            return closed.officer(2);
        }
        return open.head();
    }

    // ---------------------------------------------------------------- valid examples

    static JsonNode example(String operation) {
        Object body = switch (operation.substring(operation.indexOf(' ') + 1)) {
            case "/api/v1/clusters" -> new Driver(api, OPERATOR).clusterBody("C-" + FRESH,
                    List.of("U1-" + FRESH, "U2-" + FRESH));
            case "/api/v1/campaigns" -> Driver.campaignBody(open.forNewCampaign(FRESH));
            case "/api/v1/campaigns/{campaignId}/scoring-rules" -> Driver.rules(2, "LEADER_INTERPOLATED");
            case "/api/v1/campaigns/{campaignId}/league-table/preview" -> Driver.rules(9, "RATIO_CAPPED");
            case "/api/v1/campaigns/{campaignId}/close" -> map();
            case "/api/v1/campaigns/{campaignId}/pledges/{unitCode}" -> Driver.targets(120, true, 60);
            case "/api/v1/campaigns/{campaignId}/reports/{unitCode}/{periodCode}" -> map("values",
                    map("REV", 105.5, "OK", true, "RATE", 40), "reason", "Điều chỉnh số liệu");
            case "/api/v1/campaigns/{campaignId}/reports/{unitCode}/{periodCode}/verification" -> map("verdict",
                    "VERIFIED", "comment", "Kiểm tra chéo: đạt", "verifiedValues", map("REV", 101),
                    "reasons", map("REV", "Đối chiếu chứng từ"));
            case "/api/v1/campaigns/{campaignId}/commendations" -> proposalExample("CERTIFICATE");
            case "/api/v1/commendations/{id}/approval", "/api/v1/commendations/{id}/rejection" -> map("comment",
                    "Ban Thi đua – Khen thưởng tỉnh thống nhất");
            case "/api/v1/commendations/{id}/conferral" -> map("decisionNo", "1234/QĐ-UBND", "decisionDate",
                    LocalDate.now(Driver.VN).toString());
            case "/api/v1/commendations/{id}/revocation" -> map("reason", "Phát hiện sai phạm");
            case "/api/v1/campaigns/{campaignId}/ballots" -> ballotExample();
            case "/api/v1/ballots/{ballotId}/votes" -> map("choices", map(closed.unit(1) + ":CERTIFICATE", "FOR"));
            case "/api/v1/ballots/{ballotId}/close" -> map();
            case "/api/v1/campaigns/{campaignId}/inspections" -> map("periodCode", "Q1", "inspectorUnit",
                    open.unit(2), "inspectedUnits", List.of(open.unit(1)));
            case "/api/v1/campaigns/{campaignId}/league-table/approval" -> map("meetingDate",
                    LocalDate.now(Driver.VN).toString(), "note", "Hội nghị cụm thống nhất");
            case "/api/v1/commendations/{id}/comments" -> map("text", "Đề nghị làm rõ số liệu", "author", "Nguyễn Văn A");
            case "/api/v1/commendations/{id}/comments/{commentId}/response" -> map("text", "Đã làm rõ");
            case "/api/v1/evidence/{evidenceId}/withdrawal" -> map("reason", "Nhầm tệp");
            case "/api/v1/admin/users" -> map("username", "fz-" + FRESH,
                    "password", Driver.PASSWORD + "-long", "displayName", "Cán bộ Thiệu Hoá",
                    "roles", List.of("UNIT_OFFICER"), "unitCode", open.unit(2));
            default -> throw new IllegalArgumentException("no example body for " + operation);
        };
        JsonNode tree = Api.JSON.valueToTree(body);
        if (tree.path("version").isInt()) {
            ((ObjectNode) tree).set("version", raw(FRESH_NUMBER));
        }
        return tree;
    }

    /**
     * Stands for a new identity in example bodies (a cluster's and its units' codes, a campaign id, a user name, a
     * rule version), replaced by a fresh one in every request that carries it: so a body that mutates an example is
     * judged on its values, not refused because the example's cluster or user already exists.
     */
    static final String FRESH = "fresh0";
    static final String FRESH_NUMBER = "1000000001";
    static final AtomicInteger freshness = new AtomicInteger();

    static String fresh(String body) {
        if (!body.contains(FRESH) && !body.contains(FRESH_NUMBER)) {
            return body;
        }
        int n = freshness.incrementAndGet();
        return body.replace(FRESH, "fz" + n + Driver.tag().toLowerCase(java.util.Locale.ROOT))
                .replace(FRESH_NUMBER, String.valueOf(10 + n));
    }

    /** A ballot on one candidate (unit 1 for a certificate), closing in a month. */
    static Map<String, Object> ballotExample() {
        return map("title", "Bình xét khen thưởng, bỏ phiếu kín", "closesAt",
                java.time.Instant.now().plus(Duration.ofDays(30)).toString(), "candidates",
                List.of(map("unitCode", closed.unit(1), "award", "CERTIFICATE")));
    }

    static Map<String, Object> proposalExample(String award) {
        return map("unitCode", closed == null ? open.unit(1) : closed.unit(1), "award", award,
                "rationale", "Đơn vị dẫn đầu Cụm thi đua, hoàn thành xuất sắc các chỉ tiêu",
                "ballot", map("inFavour", 3, "against", 0, "cast", 3));
    }

    /** The example with one to three of its values (leaves, anywhere) replaced by others. */
    static Arbitrary<JsonNode> mutated(JsonNode example, Arbitrary<JsonNode> replacement) {
        List<String> leaves = new ArrayList<>();
        leaves(example, "", leaves);
        if (leaves.isEmpty()) {
            return anyValue().map(v -> {
                ObjectNode o = NODES.objectNode();
                o.set("x", v);
                return o;
            });
        }
        Arbitrary<List<Tuple.Tuple2<String, JsonNode>>> replacements = Combinators.combine(Arbitraries.of(leaves),
                replacement).as(Tuple::of).list().ofMinSize(1).ofMaxSize(3);
        return replacements.map(list -> {
            JsonNode copy = example.deepCopy();
            for (Tuple.Tuple2<String, JsonNode> r : list) {
                replace(copy, r.get1(), r.get2());
            }
            return copy;
        });
    }

    private static void leaves(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> leaves(e.getValue(), path + "/" + e.getKey(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), path + "/" + i, out);
            }
        } else {
            out.add(path);
        }
    }

    private static void replace(JsonNode root, String path, JsonNode value) {
        int slash = path.lastIndexOf('/');
        JsonNode parent = slash == 0 ? root : root.at(path.substring(0, slash));
        String last = path.substring(slash + 1);
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), value);
        }
    }

    // ---------------------------------------------------------------- values from the OpenAPI schemas

    static JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            return openApi.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }

    /** A value for the schema: mostly one of its shape, sometimes null, a hostile value or one of another type. */
    static Arbitrary<JsonNode> value(JsonNode schema, String name, int depth) {
        boolean isAny = schema.path("$ref").asText("").endsWith("/JsonNode");
        JsonNode s = resolve(schema);
        Arbitrary<JsonNode> shaped = isAny || depth > 6 ? anyValue() : shaped(s, name, depth);
        return Arbitraries.frequencyOf(Tuple.of(14, shaped), Tuple.of(1, Arbitraries.just(NODES.nullNode())),
                Tuple.of(2, hostileNumber()), Tuple.of(2, hostileString()), Tuple.of(1, anyValue()));
    }

    private static Arbitrary<JsonNode> shaped(JsonNode s, String name, int depth) {
        String type = s.path("type").asText(s.has("properties") ? "object" : "");
        switch (type) {
            case "object" -> {
                if (s.has("properties")) {
                    return object(s, depth);
                }
                JsonNode values = s.path("additionalProperties");
                return mapOf(values.isObject() ? values : NODES.objectNode(), depth);
            }
            case "array" -> {
                return value(s.path("items"), name, depth + 1).list().ofMaxSize(4).map(list -> {
                    ArrayNode a = NODES.arrayNode();
                    list.forEach(a::add);
                    return a;
                });
            }
            case "string" -> {
                return string(s, name);
            }
            case "integer" -> {
                return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.integers().between(-5, 2100)
                                .map(i -> (JsonNode) NODES.numberNode(i))),
                        Tuple.of(1, Arbitraries.of(2020, 2026, 2027, 2100, 1999, 2101, 0, 1, -1, 3)
                                .map(i -> (JsonNode) NODES.numberNode(i))),
                        Tuple.of(2, hostileNumber()));
            }
            case "number" -> {
                return Arbitraries.frequencyOf(Tuple.of(6, plainNumber()), Tuple.of(3, hostileNumber()));
            }
            case "boolean" -> {
                return Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b));
            }
            default -> {
                return anyValue();
            }
        }
    }

    private static Arbitrary<JsonNode> object(JsonNode s, int depth) {
        Set<String> required = new java.util.HashSet<>();
        s.path("required").forEach(r -> required.add(r.asText()));
        List<String> names = new ArrayList<>();
        List<Arbitrary<JsonNode>> values = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            names.add(p.getKey());
            // A property left out of the body is a MissingNode here, a JSON null a NullNode.
            Arbitrary<JsonNode> v = value(p.getValue(), p.getKey(), depth + 1);
            values.add(Arbitraries.frequencyOf(Tuple.of(required.contains(p.getKey()) ? 1 : 4,
                    Arbitraries.just((JsonNode) MissingNode.getInstance())), Tuple.of(16, v)));
        }
        Arbitrary<ObjectNode> known = Combinators.combine(values).as(list -> {
            ObjectNode o = NODES.objectNode();
            for (int i = 0; i < names.size(); i++) {
                if (!list.get(i).isMissingNode()) {
                    o.set(names.get(i), list.get(i));
                }
            }
            return o;
        });
        // Now and then a property the schema does not know.
        return Combinators.combine(known, Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.of("extra", "__proto__", "campaignId", "actor", "\u0000"))), anyValue())
                .as((o, extra, v) -> {
                    if (!extra.isEmpty()) {
                        o.set(extra, v);
                    }
                    return (JsonNode) o;
                });
    }

    /** A map (targets, values, verified values): the campaign's indicator codes, and others, to any value. */
    private static Arbitrary<JsonNode> mapOf(JsonNode valueSchema, int depth) {
        Arbitrary<String> keys = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of("REV", "OK", "RATE")),
                Tuple.of(1, Arbitraries.of("rev", "NOPE", "", "K1", "REV ", "R\u0000EV", "\u202eREV", "x".repeat(300))));
        Arbitrary<JsonNode> values = valueSchema.isEmpty() ? anyValue() : value(valueSchema, "", depth + 1);
        return Combinators.combine(keys, values).as(Tuple::of).list().ofMaxSize(4).map(list -> {
            ObjectNode o = NODES.objectNode();
            list.forEach(t -> o.set(t.get1(), t.get2()));
            return o;
        });
    }

    private static Arbitrary<JsonNode> string(JsonNode s, String name) {
        Arbitrary<JsonNode> hostile = hostileString();
        if (s.has("enum")) {
            List<String> options = new ArrayList<>();
            s.path("enum").forEach(e -> options.add(e.asText()));
            return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of(options).map(NODES::textNode)),
                    Tuple.of(1, Arbitraries.of(options).map(o -> NODES.textNode(o.toLowerCase(java.util.Locale.ROOT)))),
                    Tuple.of(2, hostile));
        }
        if ("date".equals(s.path("format").asText())) {
            LocalDate today = LocalDate.now(Driver.VN);
            return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.integers().between(-400, 400)
                            .map(d -> (JsonNode) NODES.textNode(today.plusDays(d).toString()))),
                    Tuple.of(2, Arbitraries.of("2026-02-30", "2026-13-01", "99999-01-01", "0000-01-01", "2026-1-1",
                            "2026-06-01T00:00:00Z", "01/06/2026", "").map(NODES::textNode)),
                    Tuple.of(1, hostile));
        }
        if (s.has("pattern")) {
            List<String> codes = new ArrayList<>(List.of("REV", "OK", "RATE", "Q1", "Y", "K1", "K2",
                    open.cluster(), open.campaignId(), closed.campaignId()));
            codes.addAll(open.units());
            return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(codes).map(NODES::textNode)),
                    Tuple.of(3, Arbitraries.strings().withChars("ABCXYZabc0189_-").ofMinLength(1).ofMaxLength(41)
                            .map(NODES::textNode)),
                    Tuple.of(2, hostile));
        }
        if (name.equals("password")) {
            return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(Driver.PASSWORD + "-long",
                    "Mật-khẩu-rất-dài-2026", "aaaaaaaa", "password", "x".repeat(100), "x".repeat(73), "é".repeat(40))
                    .map(NODES::textNode)), Tuple.of(2, hostile));
        }
        return Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.of("Xã Thiệu Hoá", "Thu ngân sách", "Tỷ lệ hộ nghèo",
                "Đạt", "1234/QĐ-UBND", "", " ", "Nguyễn Văn A").map(NODES::textNode)), Tuple.of(3, hostile));
    }

    // ---------------------------------------------------------------- hostile values

    private static final List<String> HOSTILE_NUMBERS = List.of("1e-1000", "1e25", "1e999999999", "-1e999999999",
            "1E+1000000000", "1e-400000", "-0", "-0.0", "0e-10", "123456789012345678901234567890", "99999999999999999999",
            "9223372036854775808", "-9223372036854775809", "2147483648", "0.0000001", "1e-7", "0.1234567",
            "1234567890123456", "999999999999.999999", "1000000000000", "-1000000000000", "999999999999", "1e12",
            "1e308", "1.7976931348623157e309", "4.9e-325", "1.5", "-1", "1e3", "12345.6789012", "0.000001",
            "1" + "0".repeat(2000), "0." + "0".repeat(2000) + "1", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"",
            "\"1e-1000\"", "\"12\"", "\"12,5\"", "\"0x10\"", "\"1e25\"", "\" 1\"", "\"\"", "[1]", "{\"value\":1}",
            "true", "NaN", "Infinity", "-Infinity", "+1", "01", ".5", "1.", "0x10", "1e", "--1");

    private static final List<String> HOSTILE_TEXTS = List.of("\u0000", "a\u0000b", "\u0001\u0002\u001f",
            "\u0085", "\u009b31m", "\u0080", "x\u202ey", "\u202d\u202e", "\u2066\u2069", "a\u200bb", "\u200c\u200d",
            "\ufeff", "\u2028\u2029", "\u00ad", "\ud800", "\udfff", "a\ud800b", "\udc00\ud800", "\ud83d\ude00",
            "\uffff", "\ufffe", "\u001b[31m", "\t", "\n", "\r\n", " ", "", "x".repeat(10_000),
            "Thiệu Hoá ".repeat(1000), "../../../etc/passwd", "..\\..\\windows\\win.ini", "%2e%2e%2f", "/api/v1/../admin",
            "' OR 1=1 --", "'); DROP TABLE domain_event_entry; --", "\"; SELECT pg_sleep(5); --", "1; DELETE FROM app_user",
            "Nguye\u0302\u0303n Va\u0306n A", "Thie\u0323\u0302u Ho\u0301a", "\u0110o\u0302\u0300ng So\u031Bn",
            "<script>alert(1)</script>", "${jndi:ldap://x/a}", "{{7*7}}", "%s%n%x", "REV", "Q1");

    /**
     * Path segments that reach the application. Left out: {@code ..}, {@code %2E%2E}, {@code %2F}, {@code %00},
     * {@code ;}, which Spring Security's firewall refuses before the application with Spring Boot's plain JSON error
     * ({@code application/json}, not problem+json), and {@code %C0%AE} (not UTF-8), which Tomcat refuses with an HTML
     * page: known, issue 10 section 2 ("15 refusals … come back as HTML or
     * plain JSON on the API"), to be fixed there.
     */
    private static final List<String> HOSTILE_SEGMENTS = List.of("%E2%80%AE", "x".repeat(300),
            "Thi%E1%BB%87u", "%27%20OR%201%3D1", "nope", "%20", "-", "%E2%80%8B", "%C2%85");

    /** Numbers within the product's range (15 significant digits, 6 decimals, below 10^12): to be accepted. */
    private static final List<String> EDGE_NUMBERS = List.of("0", "-0", "0.0", "1", "100", "99.999999",
            "999999999999.999", "999999999999", "-999999999999", "123456789012345", "0.000001", "1e11", "1E-6",
            "12345678.123456", "100.000000", "1.0e2", "50");

    private static final List<String> PLAUSIBLE_TEXTS = List.of("Xã Thiệu Hoá", "Huyện Đông Sơn", "Hoàn thành",
            "Nguyễn Thị Ánh", "1234/QĐ-UBND", "Điều chỉnh số liệu quý I", "Tỷ lệ 95%", "a", "Thiệu Hoá ".repeat(40),
            "' OR 1=1 --", "<b>đậm</b>", "../../etc/passwd", "Nguye\u0302\u0303n Va\u0306n A");

    static Arbitrary<JsonNode> hostileValue() {
        return Arbitraries.frequencyOf(Tuple.of(3, hostileNumber()), Tuple.of(3, hostileString()),
                Tuple.of(1, anyValue()));
    }

    /** Values a careful client might send: numbers at the edges of the range, ordinary texts, booleans. */
    static Arbitrary<JsonNode> plausibleValue() {
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(EDGE_NUMBERS).map(WriteEndpointFuzz::raw)),
                Tuple.of(3, plainNumber()), Tuple.of(1, Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b))),
                Tuple.of(3, Arbitraries.of(PLAUSIBLE_TEXTS).map(t -> t.contains("\\u") ? raw("\"" + t + "\"")
                        : (JsonNode) NODES.textNode(t))));
    }

    /** A hostile number as raw JSON text (kept exactly as written; some are not numbers at all). */
    static Arbitrary<JsonNode> hostileNumber() {
        return Arbitraries.of(HOSTILE_NUMBERS).map(WriteEndpointFuzz::raw);
    }

    /** A hostile text as a JSON string literal with every character outside printable ASCII escaped. */
    static Arbitrary<JsonNode> hostileString() {
        return Arbitraries.of(HOSTILE_TEXTS).map(t -> raw(escaped(t)));
    }

    static Arbitrary<JsonNode> plainNumber() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(-10, 300).map(i -> (JsonNode) NODES.numberNode(i))),
                Tuple.of(2, Arbitraries.bigDecimals().between(java.math.BigDecimal.valueOf(-1000),
                        java.math.BigDecimal.valueOf(100000)).ofScale(3).map(d -> (JsonNode) NODES.numberNode(d))));
    }

    /** Any JSON value: numbers, booleans, texts, null, small arrays and objects, hostile ones among them. */
    static Arbitrary<JsonNode> anyValue() {
        return Arbitraries.frequencyOf(Tuple.of(3, plainNumber()), Tuple.of(3, hostileNumber()),
                Tuple.of(2, Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b))),
                Tuple.of(3, hostileString()), Tuple.of(1, Arbitraries.just(NODES.nullNode())),
                Tuple.of(1, Arbitraries.of("[]", "{}", "[null]", "{\"REV\":1}", "[\"\\u0000\"]").map(WriteEndpointFuzz::raw)));
    }

    /** Bodies that are not the JSON object asked for: not JSON, other types, deeply nested, oversized. */
    static Arbitrary<String> notTheBody() {
        return Arbitraries.of("", " ", "null", "[]", "\"x\"", "1e999999999", "true", "{", "{\"a\":", "}",
                "{\"values\":{\"REV\":1e-1000}}", "{\"targets\":{\"REV\":1e25}}", "\u0000", "\uFEFF{}",
                "{\"a\":1,\"a\":2}", "{'a':1}", "{\"a\":NaN}", "[".repeat(5000) + "]".repeat(5000),
                "{\"a\":".repeat(3000) + "1" + "}".repeat(3000), "{\"values\":{\"REV\":" + "9".repeat(100_000) + "}}",
                "{\"x\":\"" + "y".repeat(200_000) + "\"}", "<xml/>", "a=1&b=2", "{\"targets\":{\"REV\":\"\\ud800\"}}");
    }

    static JsonNode raw(String json) {
        return NODES.rawValueNode(new RawValue(json));
    }

    static String escaped(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    static String text(JsonNode node) {
        try {
            return Api.JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
