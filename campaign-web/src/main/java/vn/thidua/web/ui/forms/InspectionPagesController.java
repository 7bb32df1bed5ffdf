package vn.thidua.web.ui.forms;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.thidua.command.support.CampaignTermsLookup;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.shared.UnitRef;
import vn.thidua.query.league.LeagueTableQueries;
import vn.thidua.web.app.Caller;
import vn.thidua.web.app.CampaignService;
import vn.thidua.web.security.AppUser;
import vn.thidua.web.security.Permissions;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static vn.thidua.web.ui.forms.FormSupport.flash;

/**
 * Cross-inspection teams of a campaign and the meeting's approval of its table: everyone who may read the campaign
 * sees them; the cluster head assigns teams while the campaign is open and records the approval after the close.
 */
@Controller
public class InspectionPagesController {
    private final CampaignService service;
    private final CampaignTermsLookup campaigns;
    private final Permissions permissions;
    private final LeagueTableQueries leagueTables;
    private final MessageSource messages;

    public InspectionPagesController(CampaignService service, CampaignTermsLookup campaigns, Permissions permissions,
                                     LeagueTableQueries leagueTables, MessageSource messages) {
        this.service = service;
        this.campaigns = campaigns;
        this.permissions = permissions;
        this.leagueTables = leagueTables;
        this.messages = messages;
    }

    @GetMapping("/campaigns/{campaignId}/inspections")
    public String page(@AuthenticationPrincipal AppUser user, @PathVariable String campaignId, Model model) {
        return page(model, user, campaignId, Map.of(), List.of(), new FormErrors(messages));
    }

    @PostMapping("/campaigns/{campaignId}/inspections")
    public String assign(Caller caller, @PathVariable String campaignId,
                         @RequestParam(required = false) String periodCode,
                         @RequestParam(required = false) String inspectorUnit,
                         @RequestParam(required = false) List<String> inspectedUnits,
                         Model model, RedirectAttributes redirect, HttpServletResponse response) {
        FormErrors errors = new FormErrors(messages);
        if (periodCode == null || periodCode.isBlank()) {
            errors.field("periodCode", "field.required");
        }
        if (inspectorUnit == null || inspectorUnit.isBlank()) {
            errors.field("inspectorUnit", "field.required");
        }
        if (inspectedUnits == null || inspectedUnits.isEmpty()) {
            errors.field("inspectedUnits", "field.required");
        }
        if (!errors.any()) {
            try {
                service.assignInspection(caller, campaignId, periodCode, inspectorUnit, inspectedUnits);
                flash(redirect, messages, "forms.inspections.assigned");
                return "redirect:/campaigns/" + campaignId + "/inspections";
            } catch (RuntimeException e) {
                Refusals.record(e, errors, path -> path, null);
            }
        }
        response.setStatus(422);
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("periodCode", periodCode);
        typed.put("inspectorUnit", inspectorUnit);
        return page(model, caller.user(), campaignId, typed, inspectedUnits == null ? List.of() : inspectedUnits,
                errors);
    }

    @PostMapping("/campaigns/{campaignId}/league-table/approval")
    public String approve(Caller caller, @PathVariable String campaignId,
                          @RequestParam(required = false) String meetingDate,
                          @RequestParam(required = false) String note,
                          Model model, RedirectAttributes redirect, HttpServletResponse response) {
        FormErrors errors = new FormErrors(messages);
        LocalDate date = null;
        if (meetingDate == null || meetingDate.isBlank()) {
            errors.field("meetingDate", "field.required");
        } else {
            try {
                date = LocalDate.parse(meetingDate.trim());
            } catch (DateTimeParseException e) {
                errors.field("meetingDate", "field.date");
            }
        }
        String text = note == null || note.isBlank() ? null : Normalizer.normalize(note.trim(), Normalizer.Form.NFC);
        if (!errors.any()) {
            try {
                service.approveTable(caller, campaignId, date, text);
                flash(redirect, messages, "forms.approval.done");
                return "redirect:/campaigns/" + campaignId + "/inspections";
            } catch (RuntimeException e) {
                Refusals.record(e, errors, path -> path, null);
            }
        }
        response.setStatus(422);
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("meetingDate", meetingDate);
        typed.put("note", note);
        return page(model, caller.user(), campaignId, typed, List.of(), errors);
    }

    private String page(Model model, AppUser user, String campaignId, Map<String, String> typed,
                        List<String> checked, FormErrors errors) {
        CampaignTerms terms = campaigns.require(campaignId);
        boolean head;
        try {
            permissions.headOf(user, terms.headUnit());
            head = true;
        } catch (AccessDeniedException e) {
            head = false;
        }
        Map<String, String> unitNames = new LinkedHashMap<>();
        for (UnitRef m : terms.members()) {
            unitNames.put(m.code(), m.name());
        }
        Map<String, String> periodNames = new LinkedHashMap<>();
        terms.periods().forEach(p -> periodNames.put(p.code(), p.title()));
        model.addAttribute("terms", terms);
        model.addAttribute("head", head);
        model.addAttribute("unitNames", unitNames);
        model.addAttribute("periodNames", periodNames);
        model.addAttribute("approved", leagueTables.approved(campaignId).orElse(null));
        model.addAttribute("typed", typed);
        model.addAttribute("checked", checked);
        model.addAttribute("errors", errors);
        model.addAttribute("today", LocalDate.now(vn.thidua.domain.shared.Deadlines.ZONE).toString());
        return "forms/inspections";
    }
}
