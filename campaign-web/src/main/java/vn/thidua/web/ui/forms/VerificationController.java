package vn.thidua.web.ui.forms;

import vn.thidua.web.app.Submissions;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.campaign.Period;
import vn.thidua.domain.participation.Verdict;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.domain.shared.UnitRef;
import vn.thidua.web.api.Bodies;
import vn.thidua.web.api.ValueJson;
import vn.thidua.web.api.Campaigns;
import vn.thidua.web.app.Caller;
import vn.thidua.web.app.SubmissionService;
import vn.thidua.web.security.AppUser;
import vn.thidua.domain.participation.Verifiers;
import vn.thidua.web.security.Actor;
import vn.thidua.web.security.Permissions;

import java.text.Normalizer;
import java.util.ArrayList;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The verification queue (kiểm tra, xác minh) of the cluster head and the board: every report still SUBMITTED (not
 * yet verified or rejected) in the open campaigns the user may verify, found by folding each member unit's
 * participation stream. The head is never offered its own unit's reports.
 */
@Controller
public class VerificationController {
    static final String PREFIX = "fix";
    private final SubmissionService submissions;
    private final Campaigns campaigns;
    private final Permissions permissions;
    private final MessageSource messages;
    private final Validator validator;
    private final vn.thidua.web.app.EvidenceService evidence;

    public VerificationController(SubmissionService submissions, Campaigns campaigns, Permissions permissions,
                                  MessageSource messages, Validator validator,
                                  vn.thidua.web.app.EvidenceService evidence) {
        this.evidence = evidence;
        this.submissions = submissions;
        this.campaigns = campaigns;
        this.permissions = permissions;
        this.messages = messages;
        this.validator = validator;
    }

    /** One pending report. {@code key} names its form on the page. */
    public record Pending(CampaignTerms terms, UnitRef unit, Period period, Submissions.Report report,
                          Map<String, BigDecimal> targets, String key) {
    }

    @GetMapping("/verification")
    public String queue(@AuthenticationPrincipal AppUser user, Model model) {
        List<CampaignTerms> verifiable = verifiable(user);
        return page(model, user, verifiable, null, Map.of(), Map.of(), "", new FormErrors(messages));
    }

    @PostMapping("/verification/{campaignId}/{unitCode}/{periodCode}")
    public String verify(Caller caller, @PathVariable String campaignId,
                         @PathVariable String unitCode, @PathVariable String periodCode,
                         @RequestParam String verdict, @RequestParam(required = false) String comment,
                         @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
                         HttpServletResponse response) {
        AppUser user = caller.user();
        CampaignTerms terms = campaigns.require(campaignId);
        FormErrors errors = new FormErrors(messages);
        Verdict v;
        try {
            v = Verdict.valueOf(verdict);
        } catch (IllegalArgumentException e) {
            throw new NotFound("verdict", verdict);
        }
        Map<String, String> typed = ValueInputs.typed(terms, PREFIX, params);
        Map<String, String> reasons = reasons(terms, params);
        String note = comment == null || comment.isBlank() ? null
                : Normalizer.normalize(comment.trim(), Normalizer.Form.NFC);
        Bodies.Verification body = new Bodies.Verification(v, note,
                ValueInputs.json(terms, PREFIX, typed, errors));
        Refusals.validate(validator, body, errors, path -> path.startsWith("comment") ? "comment" : null);
        String key = key(campaignId, unitCode, periodCode);
        if (!errors.any()) {
            try {
                submissions.verify(caller, campaignId, unitCode, periodCode, body.verdict(), body.comment(),
                        ValueJson.read(terms, "verifiedValues", body.verifiedValues()), reasons);
                String unitName = terms.member(unitCode).map(UnitRef::name).orElse(unitCode);
                String period = terms.period(periodCode).map(Period::title).orElse(periodCode);
                redirect.addFlashAttribute("flashMessage", messages.getMessage(
                        v == Verdict.VERIFIED ? "forms.verification.verified" : "forms.verification.rejected",
                        new Object[]{unitName, period}, LocaleContextHolder.getLocale()));
                return "redirect:/verification";
            } catch (RuntimeException e) {
                Refusals.record(e, errors, path -> path.equals("verifiedValues") ? null
                        : path.startsWith("reasons.") ? "reason." + path.substring("reasons.".length())
                        : ValueInputs.fieldOf(path, "verifiedValues", PREFIX), null);
            }
        }
        response.setStatus(422);
        return page(model, user, verifiable(user), key, typed, reasons, comment == null ? "" : comment, errors);
    }

    /** The typed reasons for changed values, by indicator code ({@code reason.<code>} fields), NFC. */
    private static Map<String, String> reasons(CampaignTerms terms, Map<String, String> params) {
        Map<String, String> reasons = new java.util.LinkedHashMap<>();
        for (String code : terms.indicators().keySet()) {
            String r = params.get("reason." + code);
            if (r != null && !r.isBlank()) {
                reasons.put(code, Normalizer.normalize(r.trim(), Normalizer.Form.NFC));
            }
        }
        return reasons;
    }

    private List<CampaignTerms> verifiable(AppUser user) {
        List<CampaignTerms> list = campaigns.all().stream().filter(t -> !t.closed() && mayVerifyAny(user, t))
                .toList();
        if (list.isEmpty() && !mayVerifyAny(user)) {
            throw new AccessDeniedException("only a cluster head or the board verifies reports");
        }
        return list;
    }

    /** Whether the user may verify some report of the campaign: as head, board, or a unit sent to inspect. */
    private boolean mayVerifyAny(AppUser user, CampaignTerms terms) {
        return terms.members().stream().anyMatch(m -> terms.periods().stream()
                .anyMatch(p -> mayVerify(user, terms, m.code(), p.code())));
    }

    private boolean mayVerify(AppUser user, CampaignTerms terms, String unitCode, String periodCode) {
        try {
            Actor actor = permissions.verifier(user);
            return Verifiers.mayVerify(terms, actor.role(), actor.unit(), unitCode, periodCode);
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    /**
     * Heads and the board always have a queue (maybe empty); an officer only while its unit inspects in an open
     * campaign.
     */
    private boolean mayVerifyAny(AppUser user) {
        return user.has(vn.thidua.domain.shared.Role.BOARD) || user.has(vn.thidua.domain.shared.Role.CLUSTER_HEAD)
                || campaigns.all().stream().anyMatch(t -> !t.closed() && user.unitCode() != null
                        && t.inspections().stream().anyMatch(i -> i.inspectorUnit().equals(user.unitCode())));
    }

    private String page(Model model, AppUser user, List<CampaignTerms> verifiable, String failedKey,
                        Map<String, String> typed, Map<String, String> reasons, String comment, FormErrors errors) {
        List<Pending> pending = new ArrayList<>();
        for (CampaignTerms terms : verifiable) {
            for (UnitRef unit : terms.members()) {
                if (unit.code().equals(user.unitCode())) {
                    continue; // never one's own unit (the aggregate refuses it too)
                }
                Submissions s = submissions.submissions(terms.campaignId(), unit.code());
                for (Period period : terms.periods()) {
                    Submissions.Report report = s.report(period.code());
                    if (report != null && report.pending() && mayVerify(user, terms, unit.code(), period.code())) {
                        pending.add(new Pending(terms, unit, period, report, s.pledge(),
                                key(terms.campaignId(), unit.code(), period.code())));
                    }
                }
            }
        }
        model.addAttribute("pending", pending);
        model.addAttribute("evidence", evidenceOf(verifiable));
        model.addAttribute("campaignCount", verifiable.size());
        model.addAttribute("failedKey", failedKey);
        model.addAttribute("typed", typed);
        model.addAttribute("reasons", reasons);
        model.addAttribute("comment", comment);
        model.addAttribute("prefix", PREFIX);
        model.addAttribute("errors", errors);
        return "forms/verification";
    }

    /**
     * Evidence beside each value: per pending report's key, the files per indicator code ("" for the files of the
     * whole report).
     */
    private Map<String, Map<String, List<vn.thidua.query.evidence.EvidenceRow>>> evidenceOf(List<CampaignTerms> terms) {
        Map<String, Map<String, List<vn.thidua.query.evidence.EvidenceRow>>> byReport = new java.util.HashMap<>();
        for (CampaignTerms t : terms) {
            for (vn.thidua.query.evidence.EvidenceRow row : evidence.ofCampaign(t.campaignId())) {
                byReport.computeIfAbsent(key(row.campaignId(), row.unitCode(), row.periodCode()),
                                k -> new java.util.HashMap<>())
                        .computeIfAbsent(row.indicatorCode() == null ? "" : row.indicatorCode(), k -> new ArrayList<>())
                        .add(row);
            }
        }
        return byReport;
    }

    static String key(String campaignId, String unitCode, String periodCode) {
        return campaignId + "__" + unitCode + "__" + periodCode;
    }
}
