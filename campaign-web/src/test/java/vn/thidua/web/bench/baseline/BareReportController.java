package vn.thidua.web.bench.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.eventstore.EventJson;
import vn.thidua.web.api.Bodies;
import vn.thidua.web.security.AppUser;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Benchmark baseline only (profile {@code bench}, never in a normal run): the same HTTP stack as the report PUT
 * (Tomcat, the {@code /api/**} Basic-auth chain, Jackson, bean validation, Hikari) taking the same JSON body, but
 * no Axon: it serializes an event-shaped payload and inserts one row with plain JDBC in its own transaction.
 * Its table is created by the bench profile's own Flyway location ({@link BenchTables}). See BENCHMARKS.md,
 * "Command path".
 */
@RestController
@Profile("bench")
@RequestMapping("/api/v1/bench")
public class BareReportController {
    static final String TABLE = "bench_bare_event";
    private final JdbcTemplate jdbc;
    private final ObjectMapper json = EventJson.mapper();

    public BareReportController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Same path shape and body as {@code PUT /api/v1/campaigns/{id}/reports/{unit}/{period}}; one row per call. */
    @PutMapping("/campaigns/{campaignId}/reports/{unitCode}/{periodCode}")
    public ResponseEntity<Map<String, Object>> report(@AuthenticationPrincipal AppUser user,
                                                      @PathVariable String campaignId, @PathVariable String unitCode,
                                                      @PathVariable String periodCode,
                                                      @Valid @RequestBody Bodies.Report body)
            throws JsonProcessingException {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        body.values().forEach((code, node) -> values.put(code, decimal(node)));
        Map<String, Object> event = new LinkedHashMap<>();
        String stream = "participation-" + campaignId + "-" + unitCode;
        event.put("participationId", stream);
        event.put("campaignId", campaignId);
        event.put("unitCode", unitCode);
        event.put("periodCode", periodCode);
        event.put("values", values);
        event.put("reason", body.reason());
        event.put("late", false);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("actorUser", user.getUsername());
        meta.put("actorUnit", unitCode);
        meta.put("actorRole", "UNIT_OFFICER");
        meta.put("correlationId", UUID.randomUUID().toString());
        String id = UUID.randomUUID().toString();
        // The sequence is taken from a random-enough number: the (stream, sequence) key is unique as in Axon's
        // table, but this baseline has no aggregate to count its events.
        jdbc.update("INSERT INTO " + TABLE + " (event_identifier, aggregate_identifier, sequence_number, type, "
                        + "time_stamp, payload_type, payload_revision, payload, meta_data) VALUES (?,?,?,?,?,?,?,?,?)",
                id, stream, System.nanoTime(), "Participation", Instant.now().toString(),
                "vn.thidua.domain.participation.ReportCorrected", null, json.writeValueAsBytes(event),
                json.writeValueAsBytes(meta));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("campaignId", campaignId);
        answer.put("unitCode", unitCode);
        answer.put("periodCode", periodCode);
        answer.put("values", values);
        answer.put("status", "SUBMITTED");
        return ResponseEntity.status(HttpStatus.OK).body(answer);
    }

    /** A bare read through the same stack: one indexed single-row SELECT, answered as JSON. */
    @GetMapping("/ping")
    public Map<String, Object> ping() {
        Long rows = jdbc.queryForObject("SELECT count(*) FROM (SELECT 1 FROM " + TABLE + " LIMIT 1) t", Long.class);
        return Map.of("ok", true, "rows", rows == null ? 0 : rows);
    }

    static BigDecimal decimal(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue() ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        return node.decimalValue();
    }
}
