package vn.thidua.web.api;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import vn.thidua.eventstore.integrity.EventArchive;
import vn.thidua.eventstore.integrity.IntegrityReport;
import vn.thidua.eventstore.integrity.IntegrityVerifier;
import vn.thidua.web.security.AppUser;
import vn.thidua.web.security.Permissions;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * Integrity and archive (operators only): the hash chain's verification, and the whole event store as an NDJSON
 * archive that {@code --thidua.archive.import=<file>} restores into an empty database (README, "Archive").
 */
@RestController
@RequestMapping("/api/v1/admin")
public class IntegrityController {
    private final IntegrityVerifier verifier;
    private final EventArchive archive;
    private final Permissions permissions;

    public IntegrityController(IntegrityVerifier verifier, EventArchive archive, Permissions permissions) {
        this.verifier = verifier;
        this.archive = archive;
        this.permissions = permissions;
    }

    /** Walks the whole chain: {@code firstBroken} names the first altered or missing event, null when intact. */
    @GetMapping("/integrity")
    public IntegrityReport integrity(@AuthenticationPrincipal AppUser user) {
        permissions.operator(user);
        return verifier.verify();
    }

    /**
     * The archive, streamed from a cursor: waits up to 10 s for the events stored when the request arrived to be
     * sealed, then writes the chain as it stands (a header, then one line per event in chain order).
     */
    @GetMapping("/archive")
    public ResponseEntity<StreamingResponseBody> archive(@AuthenticationPrincipal AppUser user) {
        permissions.operator(user);
        archive.awaitSealed(Duration.ofSeconds(10));
        StreamingResponseBody body = output -> {
            OutputStream out = new BufferedOutputStream(output, 64 * 1024);
            archive.export(out);
            out.flush();
        };
        return ResponseEntity.ok().contentType(AuditController.NDJSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"thidua-archive.ndjson\"")
                .body(body);
    }
}
