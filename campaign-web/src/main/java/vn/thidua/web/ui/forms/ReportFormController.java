package vn.thidua.web.ui.forms;

import vn.thidua.web.app.Submissions;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
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
import vn.thidua.domain.shared.Deadlines;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.web.api.Bodies;
import vn.thidua.web.api.ValueJson;
import vn.thidua.web.app.Caller;
import vn.thidua.web.app.Consistency;
import vn.thidua.web.app.SubmissionService;
import vn.thidua.web.app.EvidenceService;
import vn.thidua.web.security.AppUser;

import java.text.Normalizer;
import java.util.Map;

/**
 * The unit officer's period report (báo cáo kết quả): the same grouping as the pledge; a reason asked for only when
 * a report for the period exists (a correction); a late report marked as such.
 */
@Controller
public class ReportFormController {
    static final String PREFIX = "v";
    private final SubmissionService submissions;
    private final UnitForms forms;
    private final Validator validator;
    private final EvidenceService evidence;

    public ReportFormController(SubmissionService submissions, UnitForms forms, Validator validator,
                                EvidenceService evidence) {
        this.submissions = submissions;
        this.forms = forms;
        this.validator = validator;
        this.evidence = evidence;
    }

    @GetMapping("/campaigns/{campaignId}/report/{unitCode}")
    public String form(@AuthenticationPrincipal AppUser user, @PathVariable String campaignId,
                       @PathVariable String unitCode, @RequestParam(required = false) String period, Model model) {
        CampaignTerms terms = forms.officerTerms(user, campaignId, unitCode);
        Submissions current = submissions.submissions(campaignId, unitCode);
        Period chosen = choose(terms, current, period);
        Submissions.Report existing = current.report(chosen.code());
        return page(model, terms, unitCode, current, chosen,
                ValueInputs.shown(terms, existing == null ? null : existing.values()), "", forms.errors());
    }

    @PostMapping("/campaigns/{campaignId}/report/{unitCode}")
    public String submit(Caller caller, @PathVariable String campaignId,
                         @PathVariable String unitCode, @RequestParam String period,
                         @RequestParam(required = false) String reason, @RequestParam Map<String, String> params,
                         Model model, RedirectAttributes redirect, HttpServletResponse response) {
        CampaignTerms terms = forms.officerTerms(caller.user(), campaignId, unitCode);
        Period chosen = terms.period(period).orElseThrow(() -> new NotFound("period", period));
        FormErrors errors = forms.errors();
        Map<String, String> typed = ValueInputs.typed(terms, PREFIX, params);
        String why = reason == null || reason.isBlank() ? null : Normalizer.normalize(reason.trim(), Normalizer.Form.NFC);
        Bodies.Report body = new Bodies.Report(ValueInputs.json(terms, PREFIX, typed, errors), why);
        Refusals.validate(validator, body, errors, path -> path.startsWith("reason") ? "reason" : null);
        Submissions before = submissions.submissions(campaignId, unitCode);
        if (!errors.any()) {
            try {
                // The unit page it leads to reads the progress projection: it waits for its own write.
                submissions.report(caller.waiting(Consistency.ALL_PROJECTIONS), campaignId, unitCode, chosen.code(),
                        ValueJson.read(terms, "values", body.values()), body.reason());
                redirect.addFlashAttribute("flashMessage", forms.message(
                        before.report(chosen.code()) == null ? "forms.report.saved" : "forms.report.corrected",
                        chosen.title()));
                return "redirect:/campaigns/" + campaignId + "/units/" + unitCode;
            } catch (RuntimeException e) {
                Refusals.record(e, errors, path -> ValueInputs.fieldOf(path, "values", PREFIX),
                        rule -> "report.correction-needs-reason".equals(rule) ? "reason" : null);
            }
        }
        response.setStatus(422);
        return page(model, terms, unitCode, before, chosen, typed, reason == null ? "" : reason, errors);
    }

    /** The period asked for; else the first without a report; else the last. */
    private static Period choose(CampaignTerms terms, Submissions current, String period) {
        if (period != null && !period.isBlank()) {
            return terms.period(period).orElseThrow(() -> new NotFound("period", period));
        }
        return terms.periods().stream().filter(p -> current.report(p.code()) == null).findFirst()
                .orElse(terms.periods().get(terms.periods().size() - 1));
    }

    private String page(Model model, CampaignTerms terms, String unitCode, Submissions current, Period period,
                        Map<String, String> values, String reason, FormErrors errors) {
        Submissions.Report existing = current.report(period.code());
        model.addAttribute("terms", terms);
        model.addAttribute("unit", terms.member(unitCode).orElseThrow());
        model.addAttribute("period", period);
        model.addAttribute("existing", existing);
        model.addAttribute("correction", existing != null);
        model.addAttribute("late", Deadlines.passed(period.dueDate(), forms.now()));
        model.addAttribute("pledge", ValueInputs.shown(terms, current.pledge()));
        model.addAttribute("pledged", current.pledge() != null);
        model.addAttribute("values", values);
        model.addAttribute("reason", reason);
        model.addAttribute("prefix", PREFIX);
        model.addAttribute("readOnly", terms.closed()
                ? forms.message("forms.readonly.closed") : null);
        model.addAttribute("errors", errors);
        // Evidence (minh chứng): the period's files, and what a new one may support.
        model.addAttribute("evidence", evidence.ofReport(terms.campaignId(), unitCode, period.code()));
        model.addAttribute("evidenceIndicators", EvidenceFormController.indicatorChoices(terms));
        model.addAttribute("evidenceMaxMb", Math.max(1, evidence.maxBytes() / (1024 * 1024)));
        return "forms/report";
    }
}
