package vn.thidua.web.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.thidua.web.testsupport.Api;
import vn.thidua.web.testsupport.Driver;
import vn.thidua.web.testsupport.Fixture;
import vn.thidua.web.testsupport.PostgresDatabase;
import vn.thidua.web.testsupport.ReadModels;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import org.assertj.core.api.SoftAssertions;
import static vn.thidua.web.testsupport.Driver.map;

/**
 * Two real application nodes (separate JVMs) on one PostgreSQL event store: a bounded load of report corrections at
 * both, pairs of clients hitting the same participation at the same moment through different nodes, node B killed
 * with SIGKILL mid-load. Then: the survivor owns every segment of every processor within the claim timeout (plus the
 * coordinator's claim interval), every accepted command's event is stored exactly once (and no refused one), and
 * every projection equals a fresh rebuild and the league table equals one computed from the events.
 */
@Tag("postgres")
@ExtendWith(PostgresDatabase.class)
class TwoNodeFailoverIT {
    static final Api.Creds OPERATOR = new Api.Creds("ops", "Ops-nodes-secret-1");
    static final List<String> PROCESSORS = List.of("audit", "league-table", "unit-progress");
    static final int SEGMENTS = 4;
    static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(8);
    /** Axon's pooled processor coordinator looks for unclaimed or expired segments every 5 s (token claim interval). */
    static final Duration CLAIM_MARGIN = Duration.ofSeconds(10);
    static final int CLIENTS = 6;
    static final int PER_CLIENT = 50;
    static final int KILL_AFTER = CLIENTS * PER_CLIENT * 4 / 10;

    static final List<AppNode> nodes = new ArrayList<>();

    enum Outcome { ACCEPTED, CONFLICT, LOST_WITH_NODE_B, UNEXPECTED }

    record Sent(String requestId, String node, int unit, Outcome outcome, String detail) {
    }

    @AfterAll
    static void stopNodes() {
        for (AppNode n : nodes) {
            n.close();
        }
    }

    @Test
    void theSurvivorTakesOverAndNothingIsLostOrDoubled() throws Exception {
        long testStart = System.nanoTime();
        String url = databaseUrl();
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, PostgresDatabase.user(),
                PostgresDatabase.password()));
        List<String> args = List.of("--spring.datasource.username=" + PostgresDatabase.user(),
                "--spring.datasource.password=" + PostgresDatabase.password(),
                "--spring.datasource.hikari.maximum-pool-size=8",
                "--thidua.admin.user=" + OPERATOR.username(), "--thidua.admin.password=" + OPERATOR.password(),
                "--thidua.demo.enabled=false",
                "--axon.eventhandling.tokenstore.claim-timeout=" + CLAIM_TIMEOUT.toSeconds() + "s");

        // B first, then A: B owns every segment until A is up and the balancer hands half of them over.
        AppNode b = start("node-b", url, args);
        b.awaitUp(Duration.ofSeconds(90));
        AppNode a = start("node-a", url, args);
        a.awaitUp(Duration.ofSeconds(90));
        System.out.printf("[nodes] A pid %d port %d, B pid %d port %d, up after %.1f s%n", a.pid(), a.port, b.pid(),
                b.port, seconds(testStart));

        Driver driver = new Driver(a.api, OPERATOR);
        Fixture f = driver.campaign();
        for (int u = 0; u < 3; u++) {
            driver.pledged(f, u, 100, true, 50);
            driver.reported(f, u, "Q1", 100, true, 50);
        }
        // The nodes share the segments: each holds half of every processor's segments (the processors'
        // maxSegmentProvider, LiveNodes and SegmentSharing).
        await(Duration.ofSeconds(45), "the 12 segments split 6/6 between the two nodes", () -> {
            Map<String, Integer> counts = countByOwner(owners(jdbc), a, b);
            return Integer.valueOf(6).equals(counts.get("A")) && Integer.valueOf(6).equals(counts.get("B"));
        });
        Map<String, String> before = owners(jdbc);
        System.out.println("[nodes] segment owners before the kill: " + countByOwner(before, a, b));

        // The load: pairs of clients (0,1), (2,3), (4,5) write the same participation at the same moment, one
        // through each node; after the kill every client writes through A.
        AtomicInteger sequence = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Instant[] killedAt = new Instant[1];
        Object killLock = new Object();
        boolean[] killed = {false};
        Map<String, Sent> sent = new ConcurrentHashMap<>();
        List<CyclicBarrier> pairs = List.of(new CyclicBarrier(2), new CyclicBarrier(2), new CyclicBarrier(2));
        // From the kill on, a watcher polls the token table until A owns every segment, and notes when.
        Instant[] takenOver = new Instant[1];
        Thread takeover = new Thread(() -> {
            Instant deadline = Instant.now().plus(CLAIM_TIMEOUT).plus(CLAIM_MARGIN).plusSeconds(20);
            while (Instant.now().isBefore(deadline)) {
                if (allOwnedBy(owners(jdbc), a.owner())) {
                    takenOver[0] = Instant.now();
                    return;
                }
                AppNode.sleep(100);
            }
        }, "takeover-watch");
        takeover.setDaemon(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long loadStart = System.nanoTime();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                int unit = c / 2;
                work.add(clients.submit(() -> {
                    for (int i = 0; i < PER_CLIENT; i++) {
                        try {
                            pairs.get(unit).await(20, TimeUnit.SECONDS);
                        } catch (Exception partnerGone) {
                            pairs.get(unit).reset();
                        }
                        boolean viaB;
                        synchronized (killLock) {
                            viaB = !killed[0] && (client + i) % 2 == 1;
                        }
                        AppNode node = viaB ? b : a;
                        int n = sequence.incrementAndGet();
                        String requestId = "nodes-" + f.tag() + "-c" + client + "-" + i;
                        Map<String, Object> body = map("values", map("REV", 1000 + n, "OK", n % 2 == 0,
                                "RATE", n % 100), "reason", "cập nhật lần " + n);
                        sent.put(requestId, send(node, f, unit, requestId, body, () -> {
                            synchronized (killLock) {
                                return killed[0];
                            }
                        }));
                        if (done.incrementAndGet() == KILL_AFTER) {
                            synchronized (killLock) {
                                killed[0] = true;
                                killedAt[0] = Instant.now();
                            }
                            b.kill();
                            takeover.start();
                            System.out.printf("[nodes] node B (pid %d) killed with SIGKILL after %d requests%n",
                                    b.pid(), KILL_AFTER);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : work) {
                w.get(150, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
        double loadSeconds = seconds(loadStart);
        assertThat(killedAt[0]).as("node B was killed mid-load").isNotNull();
        assertThat(b.process.isAlive()).isFalse();

        // All three checks are made and all their failures reported together.
        SoftAssertions softly = new SoftAssertions();
        // The answers, and the events stored per client request id.
        Map<String, Long> stored = new HashMap<>();
        jdbc.query("SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'clientRequestId' AS rid, COUNT(*) AS n"
                        + " FROM domain_event_entry WHERE convert_from(meta_data, 'UTF8')::jsonb ->> 'clientRequestId'"
                        + " LIKE ? GROUP BY 1", rs -> {
                    stored.put(rs.getString("rid"), rs.getLong("n"));
                }, "nodes-" + f.tag() + "-%");
        Map<Outcome, List<Sent>> byOutcome = sent.values().stream().collect(Collectors.groupingBy(Sent::outcome));
        List<Sent> accepted = byOutcome.getOrDefault(Outcome.ACCEPTED, List.of());
        List<Sent> conflicts = byOutcome.getOrDefault(Outcome.CONFLICT, List.of());
        List<Sent> lost = byOutcome.getOrDefault(Outcome.LOST_WITH_NODE_B, List.of());
        List<Sent> unexpected = byOutcome.getOrDefault(Outcome.UNEXPECTED, List.of());
        Map<String, Long> lostStored = new TreeMap<>();
        for (Sent s : lost) {
            lostStored.put(s.requestId(), stored.getOrDefault(s.requestId(), 0L));
        }
        System.out.printf("[nodes] load: %d requests in %.1f s: %d accepted (A %d, B %d), %d refused 409"
                        + " concurrent-change (A %d, B %d), %d lost with node B (stored: %s), %d unexpected%n",
                sent.size(), loadSeconds, accepted.size(), count(accepted, "A"), count(accepted, "B"),
                conflicts.size(), count(conflicts, "A"), count(conflicts, "B"), lost.size(), lostStored,
                unexpected.size());

        // 1. The survivor claims every segment within the claim timeout (+ the coordinator's claim interval).
        Duration limit = CLAIM_TIMEOUT.plus(CLAIM_MARGIN);
        takeover.join(Duration.ofSeconds(60).toMillis());
        Map<String, String> after = owners(jdbc);
        assertThat(takenOver[0]).as("A owns every segment after the kill; owners now %s (A is %s, B was %s)",
                countByOwner(after, a, b), a.owner(), b.owner()).isNotNull();
        Duration tookOver = Duration.between(killedAt[0], takenOver[0]);
        double failover = tookOver.toMillis() / 1000.0;
        System.out.printf("[nodes] failover: all %d segments owned by A %.1f s after the kill (claim timeout %d s)%n",
                PROCESSORS.size() * SEGMENTS, failover, CLAIM_TIMEOUT.toSeconds());
        softly.assertThat(tookOver).as("take-over time").isLessThanOrEqualTo(limit);

        // 2. Every accepted command's event is stored exactly once; nothing refused is stored.
        softly.assertThat(sent).hasSize(CLIENTS * PER_CLIENT);
        softly.assertThat(unexpected)
                .as("answers that are neither accepted, a 409 concurrent-change, nor lost with node B").isEmpty();
        for (Sent s : accepted) {
            softly.assertThat(stored.getOrDefault(s.requestId(), 0L)).as("events of accepted %s", s).isEqualTo(1L);
        }
        for (Sent s : conflicts) {
            softly.assertThat(stored.getOrDefault(s.requestId(), 0L)).as("events of refused %s", s).isZero();
        }
        for (Map.Entry<String, Long> e : lostStored.entrySet()) {
            softly.assertThat(e.getValue()).as("events of %s whose answer died with node B", e.getKey())
                    .isBetween(0L, 1L);
        }
        softly.assertThat(stored.keySet()).as("every stored request id was sent").isSubsetOf(sent.keySet());
        // Each participation's stream has no hole and no double: 0..n-1 (pledge, first report, the corrections).
        List<Map<String, Object>> streams = jdbc.queryForList("SELECT aggregate_identifier, COUNT(*) AS n,"
                + " MAX(sequence_number) AS last FROM domain_event_entry WHERE aggregate_identifier LIKE ?"
                + " GROUP BY 1", "%" + f.campaignId() + "%");
        for (Map<String, Object> s : streams) {
            softly.assertThat(((Number) s.get("last")).longValue() + 1).as("stream %s", s)
                    .isEqualTo(((Number) s.get("n")).longValue());
        }

        // 3. Every projection equals a fresh rebuild; the stored league table equals one computed from the events.
        awaitCaughtUp(a);
        Map<String, List<Map<String, Object>>> live = stableReadModels(jdbc);
        Map<String, Integer> generations = generations(jdbc);
        for (String p : PROCESSORS) {
            Api.Response r = a.api.post("/api/v1/admin/projections/" + p + "/replay").as(OPERATOR).send();
            assertThat(r.status()).as("replay %s: %s", p, r).isEqualTo(202);
        }
        await(Duration.ofSeconds(60), "replays switched generation", () -> {
            Map<String, Integer> now = generations(jdbc);
            return PROCESSORS.stream().allMatch(p -> now.get(p) > generations.get(p));
        });
        awaitCaughtUp(a);
        Map<String, List<Map<String, Object>>> rebuilt = readModels(jdbc);
        softly.assertThat(differences(live, rebuilt)).as("live read models that differ from a fresh rebuild")
                .isEmpty();
        JsonNode table = a.api.get(f.campaignPath() + "/league-table").as(f.auditor()).send().json();
        JsonNode fresh = a.api.get(f.campaignPath() + "/league-table?asOf=" + Instant.now()).as(f.auditor()).send()
                .json();
        softly.assertThat(table.path("rows")).as("stored league table equals one computed from the events")
                .isEqualTo(fresh.path("rows"));
        assertThat(table.path("rows")).hasSize(3);
        softly.assertAll();
        System.out.printf("[nodes] all checks passed; whole test %.1f s%n", seconds(testStart));
    }

    private static Sent send(AppNode node, Fixture f, int unit, String requestId, Map<String, Object> body,
                             Supplier<Boolean> killed) {
        String via = node.name.equals("node-a") ? "A" : "B";
        try {
            Api.Response r = node.api.put(f.reportPath(unit, "Q1")).as(f.officer(unit))
                    .header("X-Request-Id", requestId).json(body).send();
            if (r.status() == 200 || r.status() == 201) {
                return new Sent(requestId, via, unit, Outcome.ACCEPTED, String.valueOf(r.status()));
            }
            if (r.status() == 409 && r.contentType().startsWith("application/problem+json")
                    && r.json().path("rule").asText().equals("concurrent-change")) {
                return new Sent(requestId, via, unit, Outcome.CONFLICT, r.toString());
            }
            return new Sent(requestId, via, unit, Outcome.UNEXPECTED, r.toString());
        } catch (UncheckedIOException e) {
            boolean expected = via.equals("B") && killed.get();
            return new Sent(requestId, via, unit, expected ? Outcome.LOST_WITH_NODE_B : Outcome.UNEXPECTED,
                    e.getMessage() + ": " + e.getCause());
        }
    }

    private static AppNode start(String name, String url, List<String> args) {
        AppNode node = AppNode.start(name, url, args);
        nodes.add(node);
        return node;
    }

    /** The URL of the database {@link PostgresDatabase} created for this class, through its public registration. */
    private static String databaseUrl() {
        Map<String, Supplier<Object>> properties = new HashMap<>();
        PostgresDatabase.register(properties::put);
        return String.valueOf(properties.get("spring.datasource.url").get());
    }

    /** {@code processor/segment -> owner} for the three projections' processors. */
    private static Map<String, String> owners(JdbcTemplate jdbc) {
        Map<String, String> owners = new TreeMap<>();
        jdbc.query("SELECT processor_name, segment, owner FROM token_entry WHERE processor_name IN (?, ?, ?)",
                rs -> {
                    owners.put(rs.getString(1) + "/" + rs.getInt(2), rs.getString(3));
                }, PROCESSORS.toArray());
        return owners;
    }

    private static boolean allOwnedBy(Map<String, String> owners, String owner) {
        return owners.size() == PROCESSORS.size() * SEGMENTS && owners.values().stream().allMatch(owner::equals);
    }

    private static Map<String, Integer> countByOwner(Map<String, String> owners, AppNode a, AppNode b) {
        Map<String, Integer> counts = new TreeMap<>();
        owners.values().forEach(o -> counts.merge(o == null ? "nobody" : o.equals(a.owner()) ? "A"
                : o.equals(b.owner()) ? "B" : o, 1, Integer::sum));
        return counts;
    }

    private static long count(List<Sent> sent, String node) {
        return sent.stream().filter(s -> s.node().equals(node)).count();
    }

    private static Map<String, Integer> generations(JdbcTemplate jdbc) {
        Map<String, Integer> g = new HashMap<>();
        jdbc.query("SELECT name, active_generation FROM projection_state", rs -> {
            g.put(rs.getString(1), rs.getInt(2));
        });
        return g;
    }

    /** As ReadSideScenarios.awaitRebuilt: every projection LIVE and at the head of the event table. */
    private static void awaitCaughtUp(AppNode node) {
        await(Duration.ofSeconds(60), "projections LIVE and caught up", () -> {
            JsonNode all = node.api.get("/api/v1/admin/projections").as(OPERATOR).send().json();
            for (JsonNode p : all) {
                if (!"LIVE".equals(p.path("status").asText())
                        || p.path("position").asLong() < p.path("headPosition").asLong()) {
                    return false;
                }
            }
            return all.size() >= PROCESSORS.size();
        });
    }

    private static Map<String, List<Map<String, Object>>> readModels(JdbcTemplate jdbc) {
        return ReadModels.snapshot(jdbc);
    }

    /** The read models once two snapshots a second apart agree (late events filling gaps have been handled). */
    private static Map<String, List<Map<String, Object>>> stableReadModels(JdbcTemplate jdbc) {
        Map<String, List<Map<String, Object>>> last = readModels(jdbc);
        for (int i = 0; i < 10; i++) {
            AppNode.sleep(1000);
            Map<String, List<Map<String, Object>>> now = readModels(jdbc);
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    /** Per read model, the rows only the live one has and the rows only the rebuilt one has (a few of each). */
    private static Map<String, String> differences(Map<String, List<Map<String, Object>>> live,
                                                   Map<String, List<Map<String, Object>>> rebuilt) {
        Map<String, String> diffs = new TreeMap<>();
        for (String model : live.keySet()) {
            List<Map<String, Object>> l = live.get(model);
            List<Map<String, Object>> r = rebuilt.get(model);
            if (!l.equals(r)) {
                List<Map<String, Object>> onlyLive = l.stream().filter(row -> !r.contains(row)).limit(5).toList();
                List<Map<String, Object>> onlyRebuilt = r.stream().filter(row -> !l.contains(row)).limit(5).toList();
                diffs.put(model, l.size() + " live rows, " + r.size() + " rebuilt; only live: " + onlyLive
                        + "; only rebuilt: " + onlyRebuilt);
            }
        }
        return diffs;
    }

    private static void await(Duration timeout, String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            AppNode.sleep(200);
        }
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
