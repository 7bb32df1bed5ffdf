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
import vn.thidua.web.testsupport.Waits;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import org.assertj.core.api.SoftAssertions;
import static vn.thidua.web.testsupport.Driver.map;

/**
 * Two real application nodes (separate JVMs) on one PostgreSQL event store: a bounded load of report corrections at
 * both from {@value #CLIENTS} clients, pairs of clients hitting the same participation at the same moment through
 * different nodes. Mid-load, two faults in turn:
 * <ol>
 * <li><b>the database becomes unavailable</b> for {@link #OUTAGE} and comes back: every connection of the nodes to
 * this test's database is cut ({@code pg_terminate_backend}, repeated every 100 ms for the whole outage) and no new one
 * is admitted ({@code ALTER DATABASE … ALLOW_CONNECTIONS false}, then {@code true}). To the nodes this is what a
 * PostgreSQL restart is (connections dropped, new connections refused, then accepted again), but it cuts only this
 * test's database: restarting the whole cluster ({@code pg_ctlcluster … restart}) would also break the tests other
 * engineers run on the same PostgreSQL at the same moment;</li>
 * <li><b>node B is killed</b> with SIGKILL, the survivor takes over its segments, and <b>B is started again</b> (a new
 * JVM, on a new port) while the load goes on; the load then also goes through the restarted node.</li>
 * </ol>
 * Then: the survivor owned every segment of every processor within the claim timeout (plus the coordinator's claim
 * interval) after the kill; no answer was a 5xx (or a broken connection) except for requests in flight during the
 * outage window (the outage plus {@link #OUTAGE_GRACE} for the pools to reconnect) and requests to node B after it
 * was killed; every 2xx request's event is stored exactly once (by its {@code X-Request-Id} metadata) and no refused
 * one; a request whose answer was lost (5xx in the outage, or the connection to the killed node) stored at most one;
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
    static final int CLIENTS = 16;
    /** Each client sends at least this many requests, and goes on until the restarted node has had its share. */
    static final int PER_CLIENT = 30;
    /** Requests of each pair of clients once the restarted node B is up. */
    static final int AFTER_RESTART = 10;
    /** Bounded load: a pair of clients sends at most one request (each) per this many milliseconds. */
    static final long PACE_MILLIS = 250;
    /** The database outage starts after this many requests… */
    static final int OUTAGE_AFTER = CLIENTS * PER_CLIENT * 2 / 10;
    /** …and node B is killed this many requests after the outage ended. */
    static final int KILL_AFTER_OUTAGE = CLIENTS * PER_CLIENT * 2 / 10;
    static final Duration OUTAGE = Duration.ofSeconds(5);
    /** After the database is back, the pools' broken connections are replaced; requests until then may still fail. */
    static final Duration OUTAGE_GRACE = Duration.ofSeconds(5);

    static final List<AppNode> nodes = new ArrayList<>();

    enum Outcome { ACCEPTED, CONFLICT, LOST_WITH_NODE_B, FAILED_IN_OUTAGE, UNEXPECTED }

    /** One request and its answer: the status (-1 when the connection broke), when it was sent and answered. */
    record Answer(String requestId, String node, int unit, int status, boolean conflict, String detail,
                  Instant sentAt, Instant answeredAt) {
    }

    record Sent(String requestId, String node, int unit, Outcome outcome, String detail) {
    }

    /** What the two clients of a pair agree on at each step (set by the barrier's action, read after it). */
    static final class Pair {
        final CyclicBarrier barrier;
        volatile int step;
        volatile int afterRestart;
        volatile boolean stop;
        volatile AppNode nodeB;

        Pair(Runnable decide) {
            this.barrier = new CyclicBarrier(2, decide);
        }
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
        String database = url.replaceAll("^jdbc:postgresql://[^/]+/([^?]+).*$", "$1");
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, PostgresDatabase.user(),
                PostgresDatabase.password()));
        JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(PostgresDatabase.adminUrl(),
                PostgresDatabase.user(), PostgresDatabase.password()));
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
        System.out.println("[nodes] segment owners before the faults: " + countByOwner(before, a, b));

        // The faults, in turn, from a thread of their own while the clients keep sending: the database outage, then
        // the kill of B, the survivor's take-over, and B started again.
        AtomicInteger sequence = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<AppNode> nodeB = new AtomicReference<>(b);
        // outage[0]: the outage begins; [1]: the database is open again; [2]: the first round of cuts is done.
        Instant[] outage = new Instant[3];
        Instant[] killedAt = new Instant[1];
        Instant[] takenOver = new Instant[1];
        AppNode[] restarted = new AppNode[1];
        Instant[] restartedAt = new Instant[1];
        ExecutorService faultThread = Executors.newSingleThreadExecutor();
        CompletableFuture<Void> faults = CompletableFuture.runAsync(() -> {
            awaitCount(done, OUTAGE_AFTER);
            outage[0] = Instant.now();
            System.out.printf("[nodes] database %s unavailable after %d requests%n", database, done.get());
            outage[2] = databaseOutage(admin, database, OUTAGE);
            outage[1] = Instant.now();
            System.out.printf("[nodes] database back after %.1f s (%d requests so far)%n",
                    Duration.between(outage[0], outage[1]).toMillis() / 1000.0, done.get());
            awaitCount(done, done.get() + KILL_AFTER_OUTAGE);
            nodeB.set(null);
            killedAt[0] = Instant.now();
            b.kill();
            System.out.printf("[nodes] node B (pid %d) killed with SIGKILL after %d requests%n", b.pid(), done.get());
            // The survivor must own every segment; polled on the token table until it does.
            Instant deadline = Instant.now().plus(CLAIM_TIMEOUT).plus(CLAIM_MARGIN).plusSeconds(20);
            while (Instant.now().isBefore(deadline)) {
                if (allOwnedBy(owners(jdbc), a.owner())) {
                    takenOver[0] = Instant.now();
                    break;
                }
                Waits.sleep(100);
            }
            // B again, in a new JVM, once A has taken over (or given up waiting for it).
            AppNode b2 = start("node-b2", url, args);
            restarted[0] = b2;
            b2.awaitUp(Duration.ofSeconds(120));
            restartedAt[0] = Instant.now();
            nodeB.set(b2);
            System.out.printf("[nodes] node B restarted (pid %d port %d), up %.1f s after the kill, %d requests so far%n",
                    b2.pid(), b2.port, Duration.between(killedAt[0], restartedAt[0]).toMillis() / 1000.0, done.get());
        }, faultThread);
        faultThread.shutdown();

        // The load: pairs of clients (0,1), (2,3), … write the same participation at the same moment, one through
        // each node (through A alone while B is down). A pair stops once each of its clients has sent PER_CLIENT and
        // the pair has sent AFTER_RESTART through the restarted B (or the faults ended in an error).
        List<Answer> answers = new CopyOnWriteArrayList<>();
        List<Pair> pairs = new ArrayList<>();
        for (int p = 0; p < CLIENTS / 2; p++) {
            Pair[] self = new Pair[1];
            self[0] = new Pair(() -> {
                Pair pair = self[0];
                pair.step++;
                pair.nodeB = nodeB.get();
                if (faults.isDone()) {
                    pair.afterRestart++;
                }
                pair.stop = pair.step > PER_CLIENT && (pair.afterRestart > AFTER_RESTART
                        || faults.isCompletedExceptionally()) || pair.step > PER_CLIENT * 40;
            });
            pairs.add(self[0]);
        }
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long loadStart = System.nanoTime();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                Pair pair = pairs.get(c / 2);
                int unit = (c / 2) % 3;
                work.add(clients.submit(() -> {
                    while (true) {
                        long stepStart = System.nanoTime();
                        pair.barrier.await(150, TimeUnit.SECONDS);
                        if (pair.stop) {
                            return null;
                        }
                        int i = pair.step;
                        AppNode viaB = pair.nodeB;
                        AppNode node = viaB != null && (client + i) % 2 == 1 ? viaB : a;
                        int n = sequence.incrementAndGet();
                        String requestId = "nodes-" + f.tag() + "-c" + client + "-" + i;
                        Map<String, Object> body = map("values", map("REV", 1000 + n, "OK", n % 2 == 0,
                                "RATE", n % 100), "reason", "cập nhật lần " + n);
                        answers.add(send(node, f, unit, requestId, body));
                        done.incrementAndGet();
                        long rest = PACE_MILLIS - (System.nanoTime() - stepStart) / 1_000_000;
                        if (rest > 0) {
                            Waits.sleep(rest);
                        }
                    }
                }));
            }
            for (Future<?> w : work) {
                w.get(300, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
        double loadSeconds = seconds(loadStart);
        faults.get(10, TimeUnit.SECONDS);
        assertThat(outage[1]).as("the database outage happened mid-load").isNotNull();
        assertThat(killedAt[0]).as("node B was killed mid-load").isNotNull();
        assertThat(b.process.isAlive()).isFalse();
        assertThat(restartedAt[0]).as("node B was restarted mid-load").isNotNull();
        AppNode b2 = restarted[0];

        // Each answer judged: the outage window is the outage plus the grace for the pools to reconnect.
        Instant windowEnd = outage[1].plus(OUTAGE_GRACE);
        Map<String, Sent> sent = new HashMap<>();
        for (Answer r : answers) {
            sent.put(r.requestId(), judge(r, outage[0], windowEnd, killedAt[0]));
        }

        // All checks are made and all their failures reported together.
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
        List<Sent> failedInOutage = byOutcome.getOrDefault(Outcome.FAILED_IN_OUTAGE, List.of());
        List<Sent> unexpected = byOutcome.getOrDefault(Outcome.UNEXPECTED, List.of());
        Map<String, Long> lostStored = new TreeMap<>();
        for (Sent s : lost) {
            lostStored.put(s.requestId(), stored.getOrDefault(s.requestId(), 0L));
        }
        Map<String, Long> outageStored = new TreeMap<>();
        for (Sent s : failedInOutage) {
            outageStored.put(s.requestId(), stored.getOrDefault(s.requestId(), 0L));
        }
        System.out.printf("[nodes] load: %d requests in %.1f s: %d accepted (A %d, B %d, restarted B %d), %d refused"
                        + " 409 concurrent-change (A %d, B %d, restarted B %d), %d lost with node B (stored: %s),"
                        + " %d failed in the outage window (%s; stored %d), %d unexpected%n",
                sent.size(), loadSeconds, accepted.size(), count(accepted, "A"), count(accepted, "B"),
                count(accepted, "B2"), conflicts.size(), count(conflicts, "A"), count(conflicts, "B"),
                count(conflicts, "B2"), lost.size(), lostStored, failedInOutage.size(),
                failedInOutage.stream().collect(Collectors.groupingBy(s -> s.detail().split(" ")[0],
                        TreeMap::new, Collectors.counting())),
                outageStored.values().stream().mapToLong(Long::longValue).sum(), unexpected.size());
        // The outage is real: no request sent after the connections were cut is accepted before the database is
        // open again (its answer waits for a connection, or fails).
        Instant cut = outage[2].plusMillis(200);
        List<Answer> acceptedInOutage = answers.stream().filter(r -> (r.status() == 200 || r.status() == 201)
                && r.sentAt().isAfter(cut) && r.answeredAt().isBefore(outage[1])).toList();
        long waitedOut = answers.stream().filter(r -> (r.status() == 200 || r.status() == 201)
                && r.sentAt().isBefore(outage[1]) && r.answeredAt().isAfter(outage[1])).count();
        long acceptedAfterOutage = answers.stream().filter(r -> (r.status() == 200 || r.status() == 201)
                && r.sentAt().isAfter(windowEnd)).count();
        System.out.printf("[nodes] outage: connections cut %d ms after it began; %d requests accepted after the cut"
                        + " while the database was away, %d waited it out and were accepted after it, %d accepted"
                        + " after the window%n", Duration.between(outage[0], outage[2]).toMillis(),
                acceptedInOutage.size(), waitedOut, acceptedAfterOutage);
        softly.assertThat(acceptedInOutage).as("requests accepted while the database was unavailable").isEmpty();
        softly.assertThat(acceptedAfterOutage).as("requests accepted after the outage window").isPositive();
        softly.assertThat(count(accepted, "B2")).as("requests accepted by the restarted node B").isPositive();

        // 1. The survivor claims every segment within the claim timeout (+ the coordinator's claim interval).
        Duration limit = CLAIM_TIMEOUT.plus(CLAIM_MARGIN);
        Map<String, String> after = owners(jdbc);
        assertThat(takenOver[0]).as("A owns every segment after the kill; owners now %s (A is %s, B was %s)",
                countByOwner(after, a, b), a.owner(), b.owner()).isNotNull();
        Duration tookOver = Duration.between(killedAt[0], takenOver[0]);
        double failover = tookOver.toMillis() / 1000.0;
        System.out.printf("[nodes] failover: all %d segments owned by A %.1f s after the kill (claim timeout %d s)%n",
                PROCESSORS.size() * SEGMENTS, failover, CLAIM_TIMEOUT.toSeconds());
        softly.assertThat(tookOver).as("take-over time").isLessThanOrEqualTo(limit);
        System.out.println("[nodes] segment owners after the restart of B: " + countByOwner(owners(jdbc), a, b2));

        // 2. Every accepted command's event is stored exactly once; nothing refused is stored; no 5xx but in the
        // outage window.
        softly.assertThat(sent).hasSize(sequence.get());
        softly.assertThat(unexpected)
                .as("answers that are neither accepted, a 409 concurrent-change, lost with node B, nor failed in the"
                        + " outage window (a 5xx outside it is one of these)").isEmpty();
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
        for (Map.Entry<String, Long> e : outageStored.entrySet()) {
            softly.assertThat(e.getValue()).as("events of %s whose answer failed in the outage", e.getKey())
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
        JsonNode viaRestarted = b2.api.get(f.campaignPath() + "/league-table").as(f.auditor()).send().json();
        softly.assertThat(viaRestarted.path("rows")).as("the restarted node serves the same league table")
                .isEqualTo(table.path("rows"));
        assertThat(table.path("rows")).hasSize(3);
        softly.assertAll();
        System.out.printf("[nodes] all checks passed; whole test %.1f s%n", seconds(testStart));
    }

    /**
     * The database unavailable for {@code length}: no new connection admitted, and every existing one (the nodes'
     * pools, this test's own) terminated, again and again until the end; then connections are admitted again.
     * Only this test's database is touched.
     */
    private static Instant databaseOutage(JdbcTemplate admin, String database, Duration length) {
        admin.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
        try {
            long end = System.nanoTime() + length.toNanos();
            int cut = 0;
            Instant firstCut = null;
            while (System.nanoTime() < end) {
                cut += admin.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?"
                        + " AND pid <> pg_backend_pid()", Boolean.class, database).size();
                if (firstCut == null) {
                    firstCut = Instant.now();
                }
                Waits.sleep(100);
            }
            System.out.printf("[nodes] %d connections to %s cut during the outage%n", cut, database);
            return firstCut;
        } finally {
            admin.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
        }
    }

    /**
     * Accepted, or refused as a concurrent change; a broken connection to node B after its kill is lost with it;
     * a 5xx or a broken connection of a request in flight during the outage window failed in the outage; anything
     * else (any other 5xx included) is unexpected.
     */
    private static Sent judge(Answer r, Instant outageStart, Instant windowEnd, Instant killedAt) {
        Outcome outcome;
        if (r.status() == 200 || r.status() == 201) {
            outcome = Outcome.ACCEPTED;
        } else if (r.conflict()) {
            outcome = Outcome.CONFLICT;
        } else if (r.status() == -1 && r.node().equals("B") && !r.answeredAt().isBefore(killedAt)) {
            outcome = Outcome.LOST_WITH_NODE_B;
        } else if ((r.status() >= 500 || r.status() == -1) && r.answeredAt().isAfter(outageStart)
                && r.sentAt().isBefore(windowEnd)) {
            outcome = Outcome.FAILED_IN_OUTAGE;
        } else {
            outcome = Outcome.UNEXPECTED;
        }
        return new Sent(r.requestId(), r.node(), r.unit(), outcome, r.status() + " " + r.detail());
    }

    private static Answer send(AppNode node, Fixture f, int unit, String requestId, Map<String, Object> body) {
        String via = node.name.equals("node-a") ? "A" : node.name.equals("node-b") ? "B" : "B2";
        Instant sentAt = Instant.now();
        try {
            Api.Response r = node.api.put(f.reportPath(unit, "Q1")).as(f.officer(unit))
                    .header("X-Request-Id", requestId).json(body).send();
            boolean conflict = r.status() == 409 && r.contentType().startsWith("application/problem+json")
                    && r.json().path("rule").asText().equals("concurrent-change");
            return new Answer(requestId, via, unit, r.status(), conflict, r.toString(), sentAt, Instant.now());
        } catch (UncheckedIOException e) {
            return new Answer(requestId, via, unit, -1, false, e.getMessage() + ": " + e.getCause(), sentAt,
                    Instant.now());
        }
    }

    private static void awaitCount(AtomicInteger counter, int atLeast) {
        while (counter.get() < atLeast) {
            Waits.sleep(20);
        }
    }

    private static synchronized AppNode start(String name, String url, List<String> args) {
        AppNode node = AppNode.start(name, url, args);
        nodes.add(node);
        return node;
    }

    /** The URL of the database {@link PostgresDatabase} created for this class. */
    private static String databaseUrl() {
        return PostgresDatabase.url();
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
            Waits.sleep(1000);
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
            Waits.sleep(200);
        }
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
