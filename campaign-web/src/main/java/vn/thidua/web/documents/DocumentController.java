package vn.thidua.web.documents;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.web.excel.ExportController;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Generated documents over HTTP, under the API (HTTP Basic) and beside the pages (the session) alike: the league
 * table and the launch letter of a campaign. Every answer names the event position it was made at in
 * {@value #POSITION} and carries a strong ETag over its bytes.
 */
@RestController
public class DocumentController {
    public static final String POSITION = "X-Event-Position";

    private final Documents documents;
    private final CommendationDocuments commendations;

    public DocumentController(Documents documents, CommendationDocuments commendations) {
        this.documents = documents;
        this.commendations = commendations;
    }

    /** The commendation's dossier: what can be downloaded today, and what is still pending and why. */
    @GetMapping("/api/v1/commendations/{id}/dossier")
    public ResponseEntity<Dossier> dossier(@PathVariable String id) {
        Dossier dossier = commendations.dossier(id, "/api/v1");
        return ResponseEntity.ok().header(POSITION, Long.toString(dossier.position())).body(dossier);
    }

    @GetMapping({"/api/v1/commendations/{id}/dossier.zip", "/commendations/{id}/dossier.zip"})
    public ResponseEntity<byte[]> dossierZip(@PathVariable String id) {
        return send(commendations.zip(id));
    }

    /** One component: {@code to-trinh.pdf}, {@code to-trinh.docx}, {@code quyet-dinh.pdf}, … */
    @GetMapping({"/api/v1/commendations/{id}/documents/{file}", "/commendations/{id}/documents/{file}"})
    public ResponseEntity<byte[]> document(@PathVariable String id, @PathVariable String file) {
        return send(commendations.document(id, file));
    }

    @GetMapping({"/api/v1/campaigns/{campaignId}/league-table.pdf", "/campaigns/{campaignId}/league-table.pdf"})
    public ResponseEntity<byte[]> leagueTable(@PathVariable String campaignId,
                                              @RequestParam(required = false) String asOf) {
        return send(documents.leagueTable(campaignId, ExportController.asOf(asOf)));
    }

    @GetMapping({"/api/v1/campaigns/{campaignId}/launch-letter.pdf", "/campaigns/{campaignId}/launch-letter.pdf"})
    public ResponseEntity<byte[]> launchLetter(@PathVariable String campaignId) {
        return send(documents.launchLetter(campaignId));
    }

    static ResponseEntity<byte[]> send(GeneratedDocument d) {
        String tag = "\"" + HexFormat.of().formatHex(PdfRenderer.sha256(d.bytes()), 0, 16) + "\"";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(d.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.fileName(), StandardCharsets.UTF_8).build().toString())
                .header(POSITION, Long.toString(d.position()))
                .eTag(tag)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(d.bytes());
    }
}
