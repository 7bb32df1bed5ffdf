package vn.thidua.web.ui.pages;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.domain.shared.RuleViolation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import vn.thidua.eventstore.integrity.IntegrityReport;
import vn.thidua.eventstore.integrity.IntegrityVerifier;
import vn.thidua.web.api.IntegrityController;
import vn.thidua.web.api.ProjectionAdminController;
import vn.thidua.web.api.ProjectionAdminController.DeadLetterView;
import vn.thidua.web.api.ProjectionAdminController.ProjectionView;
import vn.thidua.web.security.AppUser;
import vn.thidua.web.security.Permissions;
import vn.thidua.web.ui.Formats;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Operations (operators only): each projection's status and progress, replay, dead letters and their retry. Reuses
 * the operations API's controller, so the page and the API report and do exactly the same things.
 */
@Controller
public class OperationsPageController {
    private final ProjectionAdminController admin;
    private final Permissions permissions;
    private final MessageSource messages;
    private final Formats fmt;
    private final IntegrityController integrity;
    private final IntegrityVerifier verifier;

    public OperationsPageController(ProjectionAdminController admin, Permissions permissions,
                                    MessageSource messages, Formats fmt, IntegrityController integrity,
                                    IntegrityVerifier verifier) {
        this.admin = admin;
        this.permissions = permissions;
        this.messages = messages;
        this.fmt = fmt;
        this.integrity = integrity;
        this.verifier = verifier;
    }

    /** A projection as the API reports it, with its changing parts formatted for the reader. */
    public record Row(ProjectionView view, Map<String, Object> status) {
    }

    @GetMapping("/operations")
    public String operations(@AuthenticationPrincipal AppUser user, Model model) {
        permissions.operator(user);
        List<ProjectionView> projections = admin.list(user);
        Map<String, List<DeadLetterView>> deadLetters = new LinkedHashMap<>();
        for (ProjectionView p : projections) {
            deadLetters.put(p.name(), admin.deadLetters(user, p.name()));
        }
        model.addAttribute("projections", projections.stream().map(p -> new Row(p, status(p))).toList());
        model.addAttribute("deadLetters", deadLetters);
        // The chain's last verification on this node if under a minute old, else a fresh one (one pass over the
        // event table); "verify now" forces one.
        IntegrityReport report = verifier.lastReport()
                .filter(r -> Instant.parse(r.checkedAt()).isAfter(Instant.now().minus(Duration.ofMinutes(1))))
                .orElseGet(() -> integrity.integrity(user));
        model.addAttribute("integrity", report);
        model.addAttribute("integrityCheckedAt", fmt.dateTime(report.checkedAt()));
        return "pages/operations";
    }

    @PostMapping("/operations/integrity")
    public String verifyIntegrity(@AuthenticationPrincipal AppUser user) {
        integrity.integrity(user);
        return "redirect:/operations#integrity-heading";
    }

    /** The archive of the API (GET /api/v1/admin/archive), for a signed-in operator's browser. */
    @GetMapping("/operations/archive")
    public ResponseEntity<StreamingResponseBody> archive(@AuthenticationPrincipal AppUser user) {
        return integrity.archive(user);
    }

    /** Polled every second by the page while it is open: the changing parts only, already formatted. */
    @GetMapping(path = "/operations/status", produces = "application/json")
    @ResponseBody
    public List<Map<String, Object>> status(@AuthenticationPrincipal AppUser user) {
        permissions.operator(user);
        return admin.list(user).stream().map(this::status).toList();
    }

    private Map<String, Object> status(ProjectionView p) {
        Map<String, Object> m = new LinkedHashMap<>();
        int percent = (int) Math.floor(p.progress() * 100);
        m.put("name", p.name());
        m.put("status", p.status());
        m.put("statusText", text("pages.ops.status." + p.status(), p.status()));
        m.put("position", fmt.number(BigDecimal.valueOf(p.position()), 0));
        m.put("head", fmt.number(BigDecimal.valueOf(p.headPosition()), 0));
        m.put("percent", percent);
        m.put("percentText", fmt.percent(BigDecimal.valueOf(p.progress())));
        m.put("events", p.rebuildEvents() == null ? "" : fmt.number(BigDecimal.valueOf(p.rebuildEvents()), 0));
        m.put("generation", p.generation());
        m.put("startedAt", fmt.dateTime(p.startedAt()));
        m.put("finishedAt", fmt.dateTime(p.finishedAt()));
        m.put("deadLetters", fmt.number(BigDecimal.valueOf(p.deadLetters()), 0));
        m.put("rebuilding", "REBUILDING".equals(p.status()));
        return m;
    }

    @PostMapping("/operations/{name}/replay")
    public String replay(@AuthenticationPrincipal AppUser user, @PathVariable String name,
                         RedirectAttributes redirect) {
        permissions.operator(user);
        try {
            admin.replay(user, name);
            redirect.addFlashAttribute("success", messages.getMessage("pages.ops.replay.started", new Object[]{name},
                    LocaleContextHolder.getLocale()));
        } catch (RuleViolation e) {
            redirect.addFlashAttribute("failure", messages.getMessage("pages.ops.replay.busy", new Object[]{name},
                    LocaleContextHolder.getLocale()));
        }
        return "redirect:/operations";
    }

    @PostMapping("/operations/{name}/dead-letters/retry")
    public String retry(@AuthenticationPrincipal AppUser user, @PathVariable String name,
                        RedirectAttributes redirect) {
        permissions.operator(user);
        try {
            Map<String, Object> result = admin.retry(user, name);
            redirect.addFlashAttribute("success", messages.getMessage("pages.ops.retry.done",
                    new Object[]{name, result.get("before"), result.get("after")}, LocaleContextHolder.getLocale()));
        } catch (NotFound e) {
            redirect.addFlashAttribute("failure", messages.getMessage("pages.ops.retry.none", new Object[]{name},
                    LocaleContextHolder.getLocale()));
        }
        return "redirect:/operations";
    }

    private String text(String key, String fallback) {
        return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
    }
}
