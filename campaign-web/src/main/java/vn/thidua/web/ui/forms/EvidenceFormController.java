package vn.thidua.web.ui.forms;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.shared.InvalidValue;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.domain.shared.Outcome;
import vn.thidua.domain.shared.RuleViolation;
import vn.thidua.query.evidence.EvidenceRow;
import vn.thidua.web.app.Caller;
import vn.thidua.web.app.Consistency;
import vn.thidua.web.app.EvidenceService;
import vn.thidua.web.evidence.EvidenceRefused;
import vn.thidua.web.evidence.EvidenceResponses;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evidence on the pages: files attached from the report form (several at once; the page's script sends them one
 * by one to this same address with the CSRF token and shows each one's progress, answering JSON; without the script
 * the form posts them all and the page comes back), a file withdrawn with a reason, a file downloaded by whoever
 * is signed in. The same {@link EvidenceService} as the REST API.
 */
@Controller
public class EvidenceFormController {
    private final EvidenceService evidence;
    private final UnitForms forms;

    public EvidenceFormController(EvidenceService evidence, UnitForms forms) {
        this.evidence = evidence;
        this.forms = forms;
    }

    @PostMapping(path = "/campaigns/{campaignId}/report/{unitCode}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public Object attach(Caller caller, @PathVariable String campaignId, @PathVariable String unitCode,
                         @RequestParam String period, @RequestParam(name = "file", required = false) List<MultipartFile> files,
                         @RequestParam(required = false) String indicatorCode, @RequestParam(required = false) String note,
                         @RequestHeader(name = "Accept", required = false) String accept, RedirectAttributes redirect) {
        forms.officerTerms(caller.user(), campaignId, unitCode);
        boolean json = accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE);
        String noteText = note == null ? null : Normalizer.normalize(note, Normalizer.Form.NFC);
        List<String> done = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        Map<String, Object> answer = new LinkedHashMap<>();
        int status = 200;
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty())) {
                continue;
            }
            String name = file.getOriginalFilename();
            try (InputStream in = file.getInputStream()) {
                EvidenceService.Attached a = evidence.attach(caller.waiting(Consistency.ALL_PROJECTIONS), campaignId,
                        unitCode, period, in, name, indicatorCode, noteText).result();
                boolean created = a.state().outcome() == Outcome.CREATED;
                String message = forms.message(created ? "forms.evidence.saved" : "forms.evidence.duplicate",
                        a.fileName());
                done.add(message);
                answer.put("evidenceId", a.state().evidenceId());
                answer.put("fileName", a.fileName());
                answer.put("message", message);
                status = created ? 201 : 200;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                Refused refused = refused(e);
                failed.add(forms.message("forms.evidence.failed", name, refused.message()));
                answer.put("message", refused.message());
                status = refused.status();
            }
        }
        if (json) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(answer);
        }
        if (!done.isEmpty()) {
            redirect.addFlashAttribute("flashMessage", String.join(" ", done));
        }
        if (!failed.isEmpty()) {
            redirect.addFlashAttribute("evidenceErrors", failed);
        }
        return "redirect:/campaigns/" + campaignId + "/report/" + unitCode + "?period="
                + UriUtils.encodeQueryParam(period, StandardCharsets.UTF_8) + "#evidence";
    }

    @PostMapping("/campaigns/{campaignId}/evidence/{evidenceId}/withdrawal")
    public String withdraw(Caller caller, @PathVariable String campaignId, @PathVariable String evidenceId,
                           @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        EvidenceRow row = evidence.file(evidenceId);
        if (!row.campaignId().equals(campaignId)) {
            throw new NotFound("evidence", evidenceId);
        }
        forms.officerTerms(caller.user(), campaignId, row.unitCode());
        try {
            evidence.withdraw(caller.waiting(Consistency.ALL_PROJECTIONS), evidenceId,
                    reason == null ? null : Normalizer.normalize(reason.strip(), Normalizer.Form.NFC));
            redirect.addFlashAttribute("flashMessage", forms.message("forms.evidence.withdrawnDone", row.fileName()));
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("evidenceErrors", List.of(refused(e).message()));
        }
        return "redirect:/campaigns/" + campaignId + "/report/" + row.unitCode() + "?period="
                + UriUtils.encodeQueryParam(row.periodCode(), StandardCharsets.UTF_8) + "#evidence";
    }

    /** A file's bytes, to whoever is signed in (everyone signed in reads every report), always as an attachment. */
    @GetMapping("/evidence/{evidenceId}")
    public ResponseEntity<Resource> download(@PathVariable String evidenceId,
                                             @RequestHeader(name = "If-None-Match", required = false) String etag) {
        EvidenceRow row = evidence.file(evidenceId);
        InputStream bytes = evidence.bytes(row).orElseThrow(() -> new NotFound("evidence content", row.sha256()));
        return EvidenceResponses.download(row, bytes, etag);
    }

    private record Refused(int status, String message) {
    }

    private Refused refused(RuntimeException thrown) {
        RuntimeException e = Refusals.unwrap(thrown);
        if (e instanceof EvidenceRefused r) {
            return new Refused(r.kind() == EvidenceRefused.Kind.TOO_LARGE ? 413 : 415,
                    forms.message("evidence." + r.code(), maxMegabytes()));
        }
        if (e instanceof InvalidValue v) {
            return new Refused(400, forms.message(Refusals.key(v), v.arguments()));
        }
        if (e instanceof org.springframework.security.access.AccessDeniedException) {
            return new Refused(403, forms.message("rule.evidence.other-unit"));
        }
        if (e instanceof RuleViolation r) {
            return new Refused(r instanceof vn.thidua.domain.shared.NotPermitted ? 403 : 409,
                    forms.message("rule." + r.rule()));
        }
        throw e;
    }

    private String maxMegabytes() {
        return String.valueOf(Math.max(1, evidence.maxBytes() / (1024 * 1024)));
    }

    /** The campaign's indicators, for the form's choice of what a file supports. */
    static List<Map.Entry<String, String>> indicatorChoices(CampaignTerms terms) {
        List<Map.Entry<String, String>> choices = new ArrayList<>();
        terms.indicators().values().forEach(i -> choices.add(Map.entry(i.code(), i.title())));
        return choices;
    }
}
