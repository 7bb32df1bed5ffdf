package vn.thidua.web.ops;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * The application nodes alive now, and each processor's fair share of segments on this node. Axon's pooled
 * processors claim every free segment, so the first node to start would take them all; each processor's coordinator
 * therefore asks its {@code maxSegmentProvider} ({@link SegmentSharing}) for {@link #fairShare}: segments ÷ live
 * nodes, rounded up, and releases what exceeds it itself. To count the nodes, each node announces itself in
 * {@code node_heartbeat} every {@code thidua.balance-interval-millis} (5 s); a node is counted while its heartbeat
 * is younger than the claim timeout, so when a node dies its share returns to the survivors just as its claims
 * expire. The counts are refreshed on this class's own thread: the coordinators only read two numbers.
 */
@Component
public class LiveNodes {
    private static final Logger log = LoggerFactory.getLogger(LiveNodes.class);
    /** What a processor may claim while its segment count is not known yet: no limit, Axon's own default. */
    static final int UNLIMITED = Short.MAX_VALUE;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final long intervalMillis;
    private final long aliveMillis;
    private final String nodeId = ManagementFactory.getRuntimeMXBean().getName();
    private final AtomicLong live = new AtomicLong();
    private final Map<String, IntSupplier> segmentSources = new ConcurrentHashMap<>();
    private final Map<String, Integer> segments = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "node-heartbeat");
        t.setDaemon(true);
        return t;
    });

    public LiveNodes(JdbcTemplate jdbc, Clock clock,
                     @Value("${thidua.balance-interval-millis:5000}") long intervalMillis,
                     @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.intervalMillis = intervalMillis;
        // A node is counted as long as its segment claims would hold: when its claims expire, so does its share.
        this.aliveMillis = Math.max(claimTimeout.toMillis(), intervalMillis + 1000);
    }

    /** The first heartbeat before the processors start, so that their first claims already know the count. */
    @PostConstruct
    void start() {
        beatQuietly();
        scheduler.scheduleWithFixedDelay(this::beatQuietly, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }

    /**
     * How many segments this node's processor {@code processor} may hold: its segments ÷ live nodes, rounded up;
     * {@link #UNLIMITED} while either is not known yet. {@code segmentCount} (the processor's segments in the token
     * store) is asked on the heartbeat thread, on the first call and then on every heartbeat, never here again.
     */
    public int fairShare(String processor, IntSupplier segmentCount) {
        if (segmentSources.putIfAbsent(processor, segmentCount) == null) {
            refreshSegments(processor, segmentCount);
        }
        long nodes = live.get();
        Integer total = segments.get(processor);
        if (nodes <= 0 || total == null || total <= 0) {
            return UNLIMITED;
        }
        return (int) ((total + nodes - 1) / nodes);
    }

    /** The nodes counted at the last heartbeat (0 before the first succeeded). */
    public long count() {
        return live.get();
    }

    private void beatQuietly() {
        try {
            beat();
        } catch (RuntimeException e) {
            log.warn("node heartbeat skipped this round: {}", e.getMessage());
        }
    }

    /** One round: announce this node, count the live ones, read the processors' segment counts. */
    void beat() {
        long now = clock.millis();
        if (jdbc.update("UPDATE node_heartbeat SET seen_at = ? WHERE node_id = ?", now, nodeId) == 0) {
            jdbc.update("INSERT INTO node_heartbeat (node_id, seen_at) VALUES (?, ?)", nodeId, now);
        }
        jdbc.update("DELETE FROM node_heartbeat WHERE seen_at < ?", now - 3_600_000);
        Long counted = jdbc.queryForObject("SELECT COUNT(*) FROM node_heartbeat WHERE seen_at >= ?", Long.class,
                now - aliveMillis);
        long nodes = Math.max(1, counted == null ? 1 : counted);
        long before = live.getAndSet(nodes);
        if (before != nodes) {
            log.info("Live nodes: {} (was {}); each processor's segments are shared by that many", nodes, before);
        }
        segmentSources.forEach(this::refreshSegments);
    }

    private void refreshSegments(String processor, IntSupplier segmentCount) {
        try {
            segments.put(processor, segmentCount.getAsInt());
        } catch (RuntimeException e) {
            log.warn("segment count of processor {} not read this round: {}", processor, e.getMessage());
        }
    }
}
