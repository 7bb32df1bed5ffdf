package vn.thidua.web.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.thidua.command.support.CampaignTermsLookup;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.domain.shared.Outcome;
import vn.thidua.query.evidence.EvidenceRow;
import vn.thidua.web.app.Caller;
import vn.thidua.web.app.Dispatched;
import vn.thidua.web.app.EvidenceService;
import vn.thidua.web.evidence.EvidenceResponses;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/** Evidence (minh chứng) of reports, on the wire (API.md, "Evidence"). */
@RestController
public class EvidenceController {
    private final EvidenceService evidence;
    private final CampaignTermsLookup campaigns;

    public EvidenceController(EvidenceService evidence, CampaignTermsLookup campaigns) {
        this.evidence = evidence;
        this.campaigns = campaigns;
    }

    public record Withdrawal(@Size(max = 2000) String reason) {
    }

    @PostMapping(path = "/api/v1/campaigns/{campaignId}/reports/{unitCode}/{periodCode}/evidence",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<EvidenceView> attach(Caller caller, @PathVariable String campaignId,
                                               @PathVariable String unitCode, @PathVariable String periodCode,
                                               @RequestParam("file") MultipartFile file,
                                               @RequestParam(name = "indicatorCode", required = false) String indicatorCode,
                                               @RequestParam(name = "note", required = false) String note) {
        campaigns.requireDefinition(campaignId);
        Dispatched<EvidenceService.Attached> sent;
        try (InputStream in = file.getInputStream()) {
            sent = evidence.attach(caller, campaignId, unitCode, periodCode, in, file.getOriginalFilename(),
                    indicatorCode, note);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpStatus status = sent.result().state().outcome() == Outcome.CREATED ? HttpStatus.CREATED : HttpStatus.OK;
        return Callers.answer(ResponseEntity.status(status), EvidenceView.of(sent.result(), Instant.now().toString()),
                sent);
    }

    @GetMapping("/api/v1/campaigns/{campaignId}/reports/{unitCode}/{periodCode}/evidence")
    public List<EvidenceView> list(@PathVariable String campaignId, @PathVariable String unitCode,
                                   @PathVariable String periodCode) {
        campaigns.requireDefinition(campaignId);
        return EvidenceView.of(evidence.ofReport(campaignId, unitCode, periodCode));
    }

    /** The bytes, to anyone signed in (everyone signed in may read every report). */
    @GetMapping("/api/v1/evidence/{evidenceId}")
    public ResponseEntity<Resource> download(@PathVariable String evidenceId,
                                             @RequestHeader(name = "If-None-Match", required = false) String etag) {
        EvidenceRow row = evidence.file(evidenceId);
        InputStream bytes = evidence.bytes(row).orElseThrow(() -> new NotFound("evidence content", row.sha256()));
        return EvidenceResponses.download(row, bytes, etag);
    }

    @PostMapping("/api/v1/evidence/{evidenceId}/withdrawal")
    public ResponseEntity<EvidenceView> withdraw(Caller caller, @PathVariable String evidenceId,
                                                 @Valid @RequestBody Withdrawal body) {
        Dispatched<?> sent = evidence.withdraw(caller, evidenceId, body.reason());
        EvidenceRow row = evidence.file(evidenceId);
        return Callers.answer(ResponseEntity.ok(), EvidenceView.of(row), sent);
    }
}
