package vn.thidua.web.ui.forms;

import vn.thidua.web.app.Submissions;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.campaign.Indicator;
import vn.thidua.domain.shared.RuleViolation;
import vn.thidua.web.api.Bodies;
import vn.thidua.web.api.ValueJson;
import vn.thidua.web.app.Caller;
import vn.thidua.web.app.Consistency;
import vn.thidua.web.app.SubmissionService;
import vn.thidua.web.security.AppUser;
import vn.thidua.web.ui.Formats;

import java.math.BigDecimal;
import java.util.Map;

/** The unit officer's pledge (đăng ký thi đua): one fieldset per content, floors and units beside each field. */
@Controller
public class PledgeFormController {
    static final String PREFIX = "v";
    private final SubmissionService submissions;
    private final UnitForms forms;
    private final Formats fmt;

    public PledgeFormController(SubmissionService submissions, UnitForms forms, Formats fmt) {
        this.submissions = submissions;
        this.forms = forms;
        this.fmt = fmt;
    }

    @GetMapping("/campaigns/{campaignId}/pledge/{unitCode}")
    public String form(@AuthenticationPrincipal AppUser user, @PathVariable String campaignId,
                       @PathVariable String unitCode, Model model) {
        CampaignTerms terms = forms.officerTerms(user, campaignId, unitCode);
        Submissions current = submissions.submissions(campaignId, unitCode);
        return page(model, terms, unitCode, ValueInputs.shown(terms, current.pledge()), current.pledge() != null,
                forms.errors());
    }

    @PostMapping("/campaigns/{campaignId}/pledge/{unitCode}")
    public String submit(Caller caller, @PathVariable String campaignId,
                         @PathVariable String unitCode, @RequestParam Map<String, String> params, Model model,
                         RedirectAttributes redirect, HttpServletResponse response) {
        CampaignTerms terms = forms.officerTerms(caller.user(), campaignId, unitCode);
        FormErrors errors = forms.errors();
        Map<String, String> typed = ValueInputs.typed(terms, PREFIX, params);
        Bodies.Pledge body = new Bodies.Pledge(ValueInputs.json(terms, PREFIX, typed, errors));
        boolean pledgedBefore = submissions.submissions(campaignId, unitCode).pledge() != null;
        if (!errors.any()) {
            try {
                // The unit page it leads to reads the progress projection: it waits for its own write.
                submissions.pledge(caller.waiting(Consistency.ALL_PROJECTIONS), campaignId, unitCode,
                        ValueJson.read(terms, "targets", body.targets()));
                redirect.addFlashAttribute("flashMessage", forms.message(
                        pledgedBefore ? "forms.pledge.revised" : "forms.pledge.saved"));
                return "redirect:/campaigns/" + campaignId + "/units/" + unitCode;
            } catch (RuntimeException e) {
                Refusals.record(e, errors, path -> ValueInputs.fieldOf(path, "targets", PREFIX), null);
                RuntimeException cause = Refusals.unwrap(e);
                if (cause instanceof RuleViolation r) {
                    markFields(terms, r.rule(), typed, errors);
                }
            }
        }
        response.setStatus(422);
        return page(model, terms, unitCode, typed, pledgedBefore, errors);
    }

    /** Puts a refusal that concerns particular indicators next to each of them (the domain names the rule only). */
    private void markFields(CampaignTerms terms, String rule, Map<String, String> typed, FormErrors errors) {
        for (Indicator indicator : terms.indicators().values()) {
            String field = ValueInputs.field(PREFIX, indicator.code());
            String raw = typed.get(indicator.code());
            if ("pledge.incomplete".equals(rule) && raw == null) {
                errors.field(field, "field.required");
            } else if ("pledge.below-floor".equals(rule) && raw != null && indicator.floor() != null) {
                BigDecimal value = ValueInputs.number(raw);
                if (value == null && ("true".equals(raw) || "false".equals(raw))) {
                    value = "true".equals(raw) ? BigDecimal.ONE : BigDecimal.ZERO;
                }
                if (value == null) {
                    continue;
                }
                if (!indicator.meetsFloor(value)) {
                    errors.field(field, indicator.floorIsCeiling() ? "field.above-ceiling" : "field.below-floor",
                            fmt.number(indicator.floor(), 8));
                }
            }
        }
    }

    private String page(Model model, CampaignTerms terms, String unitCode, Map<String, String> values,
                        boolean pledgedBefore, FormErrors errors) {
        String readOnly = null;
        if (terms.closed()) {
            readOnly = forms.message("forms.readonly.closed");
        } else if (terms.pledgeDeadlinePassed(forms.now())) {
            readOnly = forms.message("forms.readonly.pledge-deadline", fmt.date(terms.pledgeDeadline()));
        }
        model.addAttribute("terms", terms);
        model.addAttribute("unit", terms.member(unitCode).orElseThrow());
        model.addAttribute("values", values);
        model.addAttribute("prefix", PREFIX);
        model.addAttribute("revision", pledgedBefore);
        model.addAttribute("readOnly", readOnly);
        model.addAttribute("errors", errors);
        return "forms/pledge";
    }
}
