package vn.thidua.web.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.thidua.eventstore.ProcessorPositions;
import vn.thidua.eventstore.EventTable;
import vn.thidua.eventstore.integrity.EventArchive;
import vn.thidua.eventstore.integrity.IntegrityReport;
import vn.thidua.eventstore.integrity.IntegrityVerifier;
import vn.thidua.web.ThiDuaApplication;
import vn.thidua.web.testsupport.Api;
import vn.thidua.web.testsupport.Driver;
import vn.thidua.web.testsupport.Fixture;
import vn.thidua.web.testsupport.ReadModels;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static vn.thidua.web.testsupport.Driver.map;

/**
 * The hash chain and the archive, through real HTTP and SQL: an intact store verifies; an altered row and a removed
 * row are named (the first in chain order first); only operators verify or archive; an archive imported into a
 * fresh database at start-up gives the same rows byte for byte, the same chain and the same read models; a broken,
 * truncated or misplaced archive is refused and writes nothing. Subclasses give the database.
 */
abstract class IntegrityScenarios {
    static final String NO_DEMO = "thidua.demo.enabled=false";
    static final String ADMIN_USER = "thidua.admin.user=integrity-ops";
    static final String ADMIN_PASSWORD = "thidua.admin.password=Chain-keeper-secret-1";
    static final Api.Creds OPERATOR = new Api.Creds("integrity-ops", "Chain-keeper-secret-1");
    private static final List<String> PROJECTIONS = List.of("league-table", "unit-progress", "audit");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IntegrityVerifier verifier;
    @Autowired
    EventTable events;
    @Autowired
    ProcessorPositions positions;
    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired
    vn.thidua.web.security.UserStore users;

    Api api;
    Driver driver;
    private static Fixture seeded;

    /** A database of its own, empty, for a second application or an import: its JDBC properties. */
    abstract Map<String, Object> freshDatabase();

    /** An empty database with the schema migrated, for importing with the component directly. */
    abstract JdbcTemplate freshMigratedDatabase();

    /** The history is seeded once per test class (one application each); the next class seeds its own. */
    @org.junit.jupiter.api.AfterAll
    static void forgetHistory() {
        seeded = null;
    }

    @BeforeEach
    void history() {
        api = new Api(port);
        driver = new Driver(api, OPERATOR);
        if (seeded != null) {
            return;
        }
        Fixture f = driver.campaign();
        driver.pledged(f, 0, 110, true, 20);
        driver.pledged(f, 1, 120, true, 15);
        driver.pledged(f, 2, 105, false, 30);
        driver.reported(f, 0, "Q1", 100, true, 18);
        driver.reported(f, 1, "Q1", 130, true, 10);
        Api.Response corrected = driver.report(f, 0, "Q1", map("values", map("REV", 104, "OK", true, "RATE", 18),
                "reason", "sửa số liệu thu ngân sách"));
        assertThat(corrected.status()).as("correction: %s", corrected).isEqualTo(200);
        Api.Response verified = api.post(f.reportPath(1, "Q1") + "/verification").as(f.board())
                .json(map("verdict", "VERIFIED", "comment", "kiểm tra chéo")).send();
        assertThat(verified.status()).as("verification: %s", verified).isEqualTo(200);
        // Year-end reports from the three units at once: concurrent commits, which may reach the event table out of
        // position order (gaps that close later); the chain must still cover each event exactly once.
        List<java.util.concurrent.CompletableFuture<Api.Response>> concurrent = new ArrayList<>();
        for (int unit = 0; unit < 3; unit++) {
            int u = unit;
            concurrent.add(java.util.concurrent.CompletableFuture.supplyAsync(() ->
                    driver.report(f, u, "Y", Driver.values(110 + u, true, 12 + u))));
        }
        concurrent.forEach(c -> assertThat(c.join().status()).as("%s", c.join()).isEqualTo(201));
        Api.Response rejected = api.post(f.reportPath(2, "Y") + "/verification").as(f.board())
                .json(map("verdict", "REJECTED", "comment", "thiếu minh chứng")).send();
        assertThat(rejected.status()).as("rejection: %s", rejected).isEqualTo(200);
        seeded = f;
        awaitSealed();
    }

    private void awaitSealed() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            IntegrityReport r = verifier.verify();
            return r.unsealed().count() == 0 && r.events() == events.count();
        });
    }

    @Test
    void anIntactStoreVerifies() throws Exception {
        Api.Response r = api.get("/api/v1/admin/integrity").as(OPERATOR).send();
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("verified").asBoolean()).as("%s", body).isTrue();
        assertThat(body.get("events").asLong()).isEqualTo(events.count()).isGreaterThanOrEqualTo(13);
        assertThat(body.get("firstBroken").isNull()).isTrue();
        assertThat(body.get("head").asText()).matches("[0-9a-f]{64}");

        String page = operationsPage();
        assertThat(page).contains("data-integrity=\"verified\"", body.get("head").asText(),
                "Tính toàn vẹn của kho sự kiện", "href=\"/operations/archive\"");

        // The page's archive link streams the same archive to a signed-in operator, and to no one else.
        var get = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/operations/archive");
        var result = org.springframework.test.web.servlet.result.MockMvcResultMatchers.request();
        var started = mvc.perform(get.with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(OPERATOR.username()))))
                .andExpect(result.asyncStarted()).andReturn();
        String archive = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .asyncDispatch(started)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(archive.split("\n")).hasSize((int) events.count() + 1);
        assertThat(archive).startsWith("{\"format\":\"" + EventArchive.FORMAT + "\"")
                .contains("\"head\":\"" + body.get("head").asText() + "\"");
        mvc.perform(get.with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(seeded.auditor().username()))))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
    }

    /** The operations page as the operator, after asking it to verify now. */
    private String operationsPage() throws Exception {
        var operator = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user(users.loadUserByUsername(OPERATOR.username()));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/operations/integrity")
                        .with(operator).with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .is3xxRedirection());
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/operations")
                        .with(operator))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void onlyOperatorsVerifyOrArchive() {
        for (String path : List.of("/api/v1/admin/integrity", "/api/v1/admin/archive")) {
            assertThat(api.get(path).as(seeded.auditor()).send().status()).as(path).isEqualTo(403);
            assertThat(api.get(path).as(seeded.board()).send().status()).as(path).isEqualTo(403);
            assertThat(api.get(path).send().status()).as(path).isEqualTo(401);
        }
    }

    /**
     * A gap: an event whose position is taken first but which commits after a later one (another node's slow
     * transaction). The later one is sealed at once; the earlier one when it commits, after it in the chain, once.
     */
    @Test
    void anEventCommittedAfterALaterOneIsSealedWhenItCommits() throws Exception {
        long slow;
        try (java.sql.Connection held = jdbc.getDataSource().getConnection()) {
            held.setAutoCommit(false);
            try (var insert = held.prepareStatement("INSERT INTO domain_event_entry (event_identifier, type,"
                    + " aggregate_identifier, sequence_number, time_stamp, payload_type, payload, meta_data)"
                    + " VALUES (?, 'IntegrityProbe', ?, 0, ?, 'vn.thidua.probe.IntegrityProbe', ?, ?)",
                    new String[]{"global_index"})) {
                String id = java.util.UUID.randomUUID().toString();
                insert.setString(1, id);
                insert.setString(2, "probe:" + id);
                insert.setString(3, java.time.Instant.now().toString());
                insert.setBytes(4, "{}".getBytes(StandardCharsets.UTF_8));
                insert.setBytes(5, "{}".getBytes(StandardCharsets.UTF_8));
                insert.executeUpdate();
                try (var keys = insert.getGeneratedKeys()) {
                    assertThat(keys.next()).isTrue();
                    slow = keys.getLong(1);
                }
            }
            Api.Response revised = driver.pledge(seeded, 2, 106, false, 30);
            assertThat(revised.status()).as("%s", revised).isEqualTo(200);
            long fast = events.headPosition();
            assertThat(fast).isGreaterThan(slow);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                    chainSeqOf(fast) != null);
            assertThat(chainSeqOf(slow)).as("not sealed before it commits").isNull();
            held.commit();
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                chainSeqOf(slow) != null);
        assertThat(chainSeqOf(slow)).isGreaterThan(chainSeqOf(events.headPosition()));
        IntegrityReport report = verifier.verify();
        assertThat(report.verified()).as("%s", report).isTrue();
        assertThat(report.events()).isEqualTo(events.count());
        assertThat(report.unsealed().count()).isZero();
    }

    private Long chainSeqOf(long position) {
        List<Long> seq = jdbc.queryForList("SELECT chain_seq FROM event_chain WHERE global_index = ?", Long.class,
                position);
        return seq.isEmpty() ? null : seq.get(0);
    }

    /** Alters one row's payload and removes a later row with SQL: the verification names the altered one first. */
    @Test
    void anAlteredAndARemovedEventAreNamed() throws Exception {
        List<Long> chained = jdbc.queryForList("SELECT global_index FROM event_chain ORDER BY chain_seq", Long.class);
        long altered = chained.get(3);
        long removed = chained.get(6);
        Map<String, Object> removedRow = jdbc.queryForMap("SELECT * FROM domain_event_entry WHERE global_index = ?",
                removed);
        byte[] payload = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE global_index = ?",
                byte[].class, altered);
        try {
            // A change no reader would notice: one trailing space, the JSON still valid.
            byte[] changed = Arrays.copyOf(payload, payload.length + 1);
            changed[payload.length] = ' ';
            jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", changed, altered);
            jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", removed);

            JsonNode body = api.get("/api/v1/admin/integrity").as(OPERATOR).send().json();
            assertThat(body.get("verified").asBoolean()).as("%s", body).isFalse();
            assertThat(body.get("firstBroken").get("position").asLong()).isEqualTo(altered);
            assertThat(body.get("firstBroken").get("reason").asText()).startsWith("altered:");
            assertThat(operationsPage()).contains("data-integrity=\"broken\"",
                    "sự kiện đầu tiên bị sửa hoặc bị xóa ở vị trí " + altered + ".");

            jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", payload, altered);
            body = api.get("/api/v1/admin/integrity").as(OPERATOR).send().json();
            assertThat(body.get("verified").asBoolean()).as("%s", body).isFalse();
            assertThat(body.get("firstBroken").get("position").asLong()).isEqualTo(removed);
            assertThat(body.get("firstBroken").get("reason").asText()).startsWith("missing:")
                    .contains(String.valueOf(removedRow.get("event_identifier")));

            // The archive of a store with a missing event is refused rather than written without it.
            assertThatThrownBy(() -> new EventArchiveProbe(jdbc).export()).isInstanceOf(EventArchive.Refused.class);
        } finally {
            jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", payload, altered);
            if (jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE global_index = ?", Long.class,
                    removed) == 0) {
                List<String> columns = new ArrayList<>(removedRow.keySet());
                jdbc.update("INSERT INTO domain_event_entry (" + String.join(", ", columns) + ") VALUES ("
                                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")",
                        columns.stream().map(removedRow::get).toArray());
            }
        }
        assertThat(verifier.verify().verified()).as("restored").isTrue();
    }

    /** An event removed together with its link: the gap in the links' numbering names where it was. */
    @Test
    void anEventRemovedWithItsLinkIsNamed() throws Exception {
        List<Map<String, Object>> links = jdbc.queryForList("SELECT * FROM event_chain ORDER BY chain_seq");
        Map<String, Object> link = links.get(4);
        Map<String, Object> next = links.get(5);
        Object position = link.get("global_index");
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM domain_event_entry WHERE global_index = ?",
                position);
        try {
            jdbc.update("DELETE FROM event_chain WHERE chain_seq = ?", link.get("chain_seq"));
            jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", position);
            JsonNode body = api.get("/api/v1/admin/integrity").as(OPERATOR).send().json();
            assertThat(body.get("verified").asBoolean()).as("%s", body).isFalse();
            assertThat(body.get("firstBroken").get("position").asLong())
                    .isEqualTo(((Number) next.get("global_index")).longValue());
            assertThat(body.get("firstBroken").get("reason").asText())
                    .startsWith("missing: chain links " + link.get("chain_seq") + " were removed");
        } finally {
            insert(jdbc, "domain_event_entry", row);
            insert(jdbc, "event_chain", link);
        }
        assertThat(verifier.verify().verified()).as("restored").isTrue();
    }

    private static void insert(JdbcTemplate jdbc, String table, Map<String, Object> row) {
        List<String> columns = new ArrayList<>(row.keySet());
        jdbc.update("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")",
                columns.stream().map(row::get).toArray());
    }

    /**
     * Export over HTTP, import at the start-up of a second application on a fresh database: the same rows byte for
     * byte, the same chain, the same league tables, progress and audit trail once its processors have caught up.
     */
    @Test
    void anArchiveRestoresTheStoreAndItsReadModels() throws Exception {
        Path file = Files.createTempFile("thidua-archive", ".ndjson");
        try {
            HttpResponse<Path> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/v1/admin/archive"))
                    .header("Authorization", basic(OPERATOR)).build(), HttpResponse.BodyHandlers.ofFile(file));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            assertThat(lines).hasSize((int) events.count() + 1);
            assertThat(Api.JSON.readTree(lines.get(0)).get("format").asText()).isEqualTo(EventArchive.FORMAT);

            Map<String, Object> properties = new LinkedHashMap<>(freshDatabase());
            properties.put("server.port", "0");
            properties.put("thidua.demo.enabled", "false");
            properties.put("thidua.archive.import", file.toString());
            properties.put("thidua.admin.user", OPERATOR.username());
            properties.put("thidua.admin.password", OPERATOR.password());
            // As command-line arguments, which (unlike default properties) win over application.yml.
            String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new);
            try (ConfigurableApplicationContext restored = new SpringApplicationBuilder(ThiDuaApplication.class)
                    .run(args)) {
                JdbcTemplate restoredJdbc = restored.getBean(JdbcTemplate.class);
                assertThat(rows(restoredJdbc)).isEqualTo(rows(jdbc));
                IntegrityReport original = verifier.verify();
                IntegrityReport copy = restored.getBean(IntegrityVerifier.class).verify();
                assertThat(copy.verified()).as("%s", copy).isTrue();
                assertThat(copy.events()).isEqualTo(original.events());
                assertThat(copy.head()).isEqualTo(original.head());

                ProcessorPositions restoredPositions = restored.getBean(ProcessorPositions.class);
                long head = events.headPosition();
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                        caughtUp(positions, head) && caughtUp(restoredPositions, head));
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                        assertThat(ReadModels.snapshot(restoredJdbc)).isEqualTo(ReadModels.snapshot(jdbc)));
                Map<String, List<Map<String, Object>>> snapshot = ReadModels.snapshot(restoredJdbc);
                assertThat(snapshot.get("league")).isNotEmpty();
                assertThat(snapshot.get("values")).isNotEmpty();
                assertThat(snapshot.get("audit")).isNotEmpty();

                // The restored application goes on: its sealer passes the imported links and seals a new event.
                Api restoredApi = new Api(Integer.parseInt(restored.getEnvironment().getProperty("local.server.port")));
                Api.Response cluster = restoredApi.post("/api/v1/clusters").as(OPERATOR)
                        .json(new Driver(restoredApi, OPERATOR).clusterBody("CRESTORED", List.of("R1", "R2"))).send();
                assertThat(cluster.status()).as("%s", cluster).isEqualTo(201);
                EventTable restoredEvents = restored.getBean(EventTable.class);
                assertThat(restoredEvents.headPosition()).isGreaterThan(head);
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                    IntegrityReport after = restored.getBean(IntegrityVerifier.class).verify();
                    assertThat(after.verified()).as("%s", after).isTrue();
                    assertThat(after.events()).isEqualTo(restoredEvents.count());
                    assertThat(after.unsealed().count()).isZero();
                });

                // A second import into the now non-empty store is refused.
                try (InputStream in = Files.newInputStream(file)) {
                    assertThatThrownBy(() -> restored.getBean(EventArchive.class).importFrom(in))
                            .isInstanceOf(EventArchive.Refused.class).hasMessageContaining("not empty");
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A changed byte, a dropped line or a cut-off archive is refused, and the fresh store stays empty. */
    @Test
    void aBrokenArchiveIsRefusedAndWritesNothing() throws Exception {
        List<String> lines = new EventArchiveProbe(jdbc).export();
        JdbcTemplate fresh = freshMigratedDatabase();
        EventArchive importer = EventArchiveProbe.archiveOn(fresh);

        // One payload changed by one character in the fifth event.
        JsonNode fifth = Api.JSON.readTree(lines.get(5));
        String payload = new String(Base64.getDecoder().decode(fifth.get("payload").asText()), StandardCharsets.UTF_8);
        String tampered = lines.get(5).replace(fifth.get("payload").asText(), Base64.getEncoder().encodeToString(
                (payload + " ").getBytes(StandardCharsets.UTF_8)));
        assertRefused(importer, fresh, replace(lines, 5, tampered), "chain link 5");
        assertRefused(importer, fresh, remove(lines, 3), "chain link 3 is missing");
        assertRefused(importer, fresh, lines.subList(0, lines.size() - 1), "truncated");
        assertRefused(importer, fresh, List.of("{\"hello\": 1}"), "not an archive header");

        // At start-up the same archive stops the application before it serves, and writes nothing.
        Path file = Files.createTempFile("thidua-archive-tampered", ".ndjson");
        try {
            Files.write(file, replace(lines, 5, tampered), StandardCharsets.UTF_8);
            Map<String, Object> database = freshDatabase();
            Map<String, Object> properties = new LinkedHashMap<>(database);
            properties.put("server.port", "0");
            properties.put("thidua.demo.enabled", "false");
            properties.put("thidua.archive.import", file.toString());
            String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new);
            assertThatThrownBy(() -> new SpringApplicationBuilder(ThiDuaApplication.class).run(args).close())
                    .hasStackTraceContaining("not imported: chain link 5");
            JdbcTemplate untouched = new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                    (String) database.get("spring.datasource.url"), (String) database.get("spring.datasource.username"),
                    (String) database.get("spring.datasource.password")));
            assertThat(untouched.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class)).isZero();
        } finally {
            Files.deleteIfExists(file);
        }

        // The intact archive then imports into the same (still empty) store, and its chain verifies there.
        importer.importFrom(stream(lines));
        assertThat(rows(fresh)).isEqualTo(rows(jdbc));
        assertThat(fresh.queryForList("SELECT chain_seq, global_index, event_identifier, hash FROM event_chain"
                + " ORDER BY chain_seq")).isEqualTo(jdbc.queryForList("SELECT chain_seq, global_index,"
                + " event_identifier, hash FROM event_chain ORDER BY chain_seq"));
        // New events get positions after the imported ones.
        Long next = fresh.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        fresh.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number,"
                + " time_stamp, payload_type, payload) VALUES ('after-import', 'x', 0, '2026-01-01T00:00:00Z',"
                + " 'java.lang.String', ?)", (Object) "\"x\"".getBytes(StandardCharsets.UTF_8));
        assertThat(fresh.queryForObject("SELECT global_index FROM domain_event_entry WHERE event_identifier ="
                + " 'after-import'", Long.class)).isGreaterThan(next);
    }

    private static void assertRefused(EventArchive importer, JdbcTemplate store, List<String> lines, String reason) {
        assertThatThrownBy(() -> importer.importFrom(stream(lines))).isInstanceOf(EventArchive.Refused.class)
                .hasMessageContaining(reason);
        assertThat(store.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class)).isZero();
        assertThat(store.queryForObject("SELECT COUNT(*) FROM event_chain", Long.class)).isZero();
    }

    private static boolean caughtUp(ProcessorPositions positions, long head) {
        return PROJECTIONS.stream().allMatch(p -> positions.position(p).orElse(-1) >= head);
    }

    /** Every row of the event table, every column, bytes as hex so that rows compare by content. */
    static List<List<Object>> rows(JdbcTemplate jdbc) {
        return jdbc.query("SELECT global_index, event_identifier, type, aggregate_identifier, sequence_number,"
                + " time_stamp, payload_type, payload_revision, payload, meta_data FROM domain_event_entry"
                + " ORDER BY global_index", (rs, i) -> {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= 10; c++) {
                        Object v = rs.getObject(c);
                        row.add(v instanceof byte[] b ? HexFormat.of().formatHex(b) : v == null ? null : v.toString());
                    }
                    return row;
                });
    }

    private static InputStream stream(List<String> lines) {
        return new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> replace(List<String> lines, int i, String line) {
        List<String> copy = new ArrayList<>(lines);
        copy.set(i, line);
        return copy;
    }

    private static List<String> remove(List<String> lines, int i) {
        List<String> copy = new ArrayList<>(lines);
        copy.remove(i);
        return copy;
    }

    private static String basic(Api.Creds creds) {
        return "Basic " + Base64.getEncoder().encodeToString((creds.username() + ":" + creds.password())
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The archive component on a given database, built by hand (no application around it). */
    static final class EventArchiveProbe {
        private final JdbcTemplate jdbc;

        EventArchiveProbe(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        static EventArchive archiveOn(JdbcTemplate jdbc) {
            var transactions = new org.springframework.jdbc.datasource.DataSourceTransactionManager(
                    jdbc.getDataSource());
            return new EventArchive(new EventTable(jdbc, transactions),
                    new vn.thidua.eventstore.EventChain(jdbc, transactions), transactions,
                    java.time.Clock.systemUTC());
        }

        List<String> export() throws IOException {
            var out = new java.io.ByteArrayOutputStream();
            archiveOn(jdbc).export(out);
            return List.of(out.toString(StandardCharsets.UTF_8).split("\n"));
        }
    }
}
