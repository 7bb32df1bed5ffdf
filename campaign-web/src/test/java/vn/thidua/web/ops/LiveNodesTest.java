package vn.thidua.web.ops;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The fair share the processors' maxSegmentProvider answers: segments ÷ live nodes, rounded up. */
class LiveNodesTest {
    private final JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
            "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
    private final Instant now = Instant.parse("2025-08-01T00:00:00Z");
    private final LiveNodes nodes = new LiveNodes(jdbc, Clock.fixed(now, ZoneOffset.UTC), 5_000,
            Duration.ofSeconds(10));

    @Test
    void theShareFollowsTheLiveNodesAndTheSegments() {
        jdbc.execute("CREATE TABLE node_heartbeat (node_id VARCHAR(255) PRIMARY KEY, seen_at BIGINT NOT NULL)");
        AtomicInteger segments = new AtomicInteger(4);
        assertThat(nodes.fairShare("p", segments::get)).as("no heartbeat yet: no limit").isEqualTo(LiveNodes.UNLIMITED);

        nodes.beat();
        assertThat(nodes.count()).isEqualTo(1);
        assertThat(nodes.fairShare("p", segments::get)).isEqualTo(4);

        jdbc.update("INSERT INTO node_heartbeat VALUES ('other', ?)", now.toEpochMilli() - 9_000);
        nodes.beat();
        assertThat(nodes.count()).isEqualTo(2);
        assertThat(nodes.fairShare("p", segments::get)).isEqualTo(2);

        segments.set(5);
        nodes.beat();
        assertThat(nodes.fairShare("p", segments::get)).as("rounded up").isEqualTo(3);

        jdbc.update("UPDATE node_heartbeat SET seen_at = ? WHERE node_id = 'other'", now.toEpochMilli() - 10_001);
        nodes.beat();
        assertThat(nodes.count()).as("older than the claim timeout: not counted").isEqualTo(1);
        assertThat(nodes.fairShare("p", segments::get)).isEqualTo(5);

        segments.set(0);
        nodes.beat();
        assertThat(nodes.fairShare("p", segments::get)).as("no tokens yet").isEqualTo(LiveNodes.UNLIMITED);
    }
}
