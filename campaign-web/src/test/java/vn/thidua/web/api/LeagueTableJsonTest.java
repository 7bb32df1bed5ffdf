package vn.thidua.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import vn.thidua.domain.scoring.LeagueRow;
import vn.thidua.domain.scoring.LeagueTable;
import vn.thidua.query.league.StoredLeagueTable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The league table's JSON is written once per stamp, exactly as the application's mapper writes it. */
class LeagueTableJsonTest {
    private final ObjectMapper mapper = Jackson2ObjectMapperBuilder.json().build();
    private final LeagueTableJson json = new LeagueTableJson(mapper);

    /** What the league-table cache serves: one instance per campaign and stamp (LeagueTableCacheTest checks it). */
    private final Map<String, StoredLeagueTable> served = new HashMap<>();

    private StoredLeagueTable stored(String campaignId, long position, String total) {
        LeagueTable table = new LeagueTable(campaignId, 1, Instant.parse("2025-08-01T00:00:00Z"), List.of(
                new LeagueRow(1, "A", "Ánh", new BigDecimal(total), false, Map.of("C1", new BigDecimal(total)),
                        Map.of("Q", new BigDecimal(total)), BigDecimal.ZERO)));
        StoredLeagueTable.Stamp stamp = new StoredLeagueTable.Stamp(0, position, "2025-08-01T00:00:00Z");
        return served.computeIfAbsent(campaignId + "/" + stamp.etag(), k -> new StoredLeagueTable(stamp, table));
    }

    @Test
    void writesTheBytesTheMapperWritesOncePerStamp() throws Exception {
        StoredLeagueTable first = stored("c", 10, "106.0000");
        byte[] body = json.of(first);
        assertThat(body).isEqualTo(mapper.writeValueAsBytes(first.table()));
        assertThat(json.of(stored("c", 10, "106.0000"))).as("same stamp: kept").isSameAs(body);

        StoredLeagueTable next = stored("c", 11, "80.0000");
        byte[] changed = json.of(next);
        assertThat(changed).isNotSameAs(body).isEqualTo(mapper.writeValueAsBytes(next.table()));
        assertThat(new String(changed, java.nio.charset.StandardCharsets.UTF_8)).contains("80.0000")
                .doesNotContain("106.0000");
        assertThat(json.of(stored("other", 10, "1.0000"))).isEqualTo(mapper.writeValueAsBytes(
                stored("other", 10, "1.0000").table()));
    }

    @Test
    void theJsonIsWrittenOnlyOncePerStoredWrite() {
        java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();
        StoredLeagueTable first = stored("c", 10, "106.0000");
        byte[] body = first.json(t -> {
            writes.incrementAndGet();
            return new byte[] {1};
        });
        assertThat(first.json(t -> {
            writes.incrementAndGet();
            return new byte[] {2};
        })).isSameAs(body);
        assertThat(writes).hasValue(1);
    }

    @Test
    void plainJsonIsServedOnlyWhenAcceptable() {
        assertThat(ReadModelController.acceptsJson(null)).isTrue();
        assertThat(ReadModelController.acceptsJson("application/json")).isTrue();
        assertThat(ReadModelController.acceptsJson("text/html,application/xhtml+xml,*/*;q=0.8")).isTrue();
        assertThat(ReadModelController.acceptsJson("application/*")).isTrue();
        assertThat(ReadModelController.acceptsJson("application/xml")).isFalse();
        assertThat(ReadModelController.acceptsJson("application/json;q=0, text/csv")).isFalse();
        assertThat(ReadModelController.acceptsJson("not a media type")).isFalse();
    }
}
