package vn.thidua.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import vn.thidua.domain.shared.InvalidValue;
import vn.thidua.query.audit.AuditFilter;
import vn.thidua.query.audit.AuditPage;
import vn.thidua.query.audit.AuditQueries;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The audit trail: every submission and decision, who made it and when, and what it changed against the previous
 * version. Readable by any signed-in user; filterable, paged, and exportable as NDJSON in stored order.
 */
@RestController
@RequestMapping("/api/v1/audit")
public class AuditController {
    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final AuditQueries audit;
    private final ObjectWriter lines;

    public AuditController(AuditQueries audit, ObjectMapper json) {
        this.audit = audit;
        this.lines = json.writer();
    }

    @GetMapping
    public AuditPage trail(@RequestParam(required = false) String campaignId,
                           @RequestParam(required = false) String unitCode,
                           @RequestParam(required = false) String type,
                           @RequestParam(required = false) String from,
                           @RequestParam(required = false) String to,
                           @RequestParam(defaultValue = "0") int page,
                           @RequestParam(defaultValue = "" + AuditQueries.DEFAULT_SIZE) int size) {
        return audit.page(filter(campaignId, unitCode, type, from, to), page, size);
    }

    /** Every matching entry, one JSON object a line, by position ascending; streamed from a database cursor. */
    @GetMapping("/export")
    public ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String campaignId,
                                                        @RequestParam(required = false) String unitCode,
                                                        @RequestParam(required = false) String type,
                                                        @RequestParam(required = false) String from,
                                                        @RequestParam(required = false) String to) {
        AuditFilter filter = filter(campaignId, unitCode, type, from, to);
        StreamingResponseBody body = output -> {
            OutputStream out = new BufferedOutputStream(output, 64 * 1024);
            try {
                audit.forEach(filter, entry -> {
                    try {
                        out.write(lines.writeValueAsBytes(entry));
                        out.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            out.flush();
        };
        return ResponseEntity.ok().contentType(NDJSON).body(body);
    }

    private static AuditFilter filter(String campaignId, String unitCode, String type, String from, String to) {
        return new AuditFilter(campaignId, unitCode, type, instant("from", from), instant("to", to));
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidValue(field, field + " must be an ISO-8601 instant with offset, such as"
                    + " 2025-01-31T08:00:00+07:00");
        }
    }
}
