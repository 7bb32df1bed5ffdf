package vn.thidua.web.ops;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shares the event processors' segments between the application nodes. Axon's pooled processors claim every free
 * segment, so the first node to start takes them all and the others idle until it dies. Each node therefore
 * announces itself in {@code node_heartbeat} and, when it holds more than its fair share (segments ÷ live nodes,
 * rounded up), releases the surplus for the other nodes to claim. A node that stops announcing itself drops out of
 * the count, and the survivors' fair share grows back to all segments.
 */
@Component
public class SegmentBalancer {
    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final ProcessorMonitor monitor;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final long intervalMillis;
    private final long aliveMillis;
    private final String nodeId = ManagementFactory.getRuntimeMXBean().getName();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "segment-balancer");
        t.setDaemon(true);
        return t;
    });

    public SegmentBalancer(EventProcessingConfiguration processing, ProcessorMonitor monitor, JdbcTemplate jdbc,
                           Clock clock, @Value("${thidua.balance-interval-millis:5000}") long intervalMillis,
                           @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        this.processing = processing;
        this.monitor = monitor;
        this.jdbc = jdbc;
        this.clock = clock;
        this.intervalMillis = intervalMillis;
        // A node is counted as long as its segment claims would hold: when its claims expire, so does its share.
        this.aliveMillis = Math.max(claimTimeout.toMillis(), intervalMillis + 1000);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        scheduler.scheduleWithFixedDelay(this::balanceQuietly, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void balanceQuietly() {
        try {
            balance();
        } catch (RuntimeException e) {
            log.warn("segment balancing skipped this round: {}", e.getMessage());
        }
    }

    /** One round: announce this node, count the live ones, release what exceeds the fair share. */
    void balance() {
        long now = clock.millis();
        if (jdbc.update("UPDATE node_heartbeat SET seen_at = ? WHERE node_id = ?", now, nodeId) == 0) {
            jdbc.update("INSERT INTO node_heartbeat (node_id, seen_at) VALUES (?, ?)", nodeId, now);
        }
        jdbc.update("DELETE FROM node_heartbeat WHERE seen_at < ?", now - 3_600_000);
        Long live = jdbc.queryForObject("SELECT COUNT(*) FROM node_heartbeat WHERE seen_at >= ?", Long.class,
                now - aliveMillis);
        long nodes = Math.max(1, live == null ? 1 : live);
        for (String name : monitor.processors()) {
            processing.eventProcessor(name, StreamingEventProcessor.class).ifPresent(p -> release(name, p, nodes));
        }
    }

    private void release(String name, StreamingEventProcessor processor, long nodes) {
        Long segments = jdbc.queryForObject("SELECT COUNT(*) FROM token_entry WHERE processor_name = ?", Long.class,
                name);
        if (segments == null || segments == 0) {
            return;
        }
        long fair = (segments + nodes - 1) / nodes;
        List<Integer> held = processor.processingStatus().keySet().stream()
                .sorted(Comparator.reverseOrder()).toList();
        for (int i = 0; i < held.size() - fair; i++) {
            log.info("Processor {}: releasing segment {} ({} segments, {} live nodes, fair share {})", name,
                    held.get(i), segments, nodes, fair);
            processor.releaseSegment(held.get(i));
        }
    }
}
