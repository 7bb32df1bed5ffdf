package vn.thidua.web.ui.forms;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.thidua.domain.campaign.Direction;
import vn.thidua.domain.campaign.IndicatorKind;
import vn.thidua.domain.campaign.ScoringMethod;
import vn.thidua.web.api.Bodies;
import vn.thidua.domain.campaign.LaunchCampaign;
import vn.thidua.web.app.Caller;
import vn.thidua.web.app.CampaignService;
import vn.thidua.web.security.AppUser;
import vn.thidua.web.security.Permissions;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import static vn.thidua.web.ui.forms.FormSupport.integer;

/**
 * The cluster head launches a campaign: contents with indicators, periods, scoring rules. Rows are added and removed
 * by a few lines of script, or without script by the form's own add/remove buttons (the server re-renders the form).
 * Launching goes through {@link CampaignService#launch}, as the API's does; every error is shown at its field, nothing typed is lost.
 */
@Controller
public class LaunchFormController {
    private final CampaignService campaigns;
    private final Permissions permissions;
    private final MessageSource messages;
    private final Validator validator;

    public LaunchFormController(CampaignService campaigns, Permissions permissions, MessageSource messages,
                                Validator validator) {
        this.campaigns = campaigns;
        this.permissions = permissions;
        this.messages = messages;
        this.validator = validator;
    }

    @GetMapping("/campaigns/launch")
    public String form(@AuthenticationPrincipal AppUser user, Model model) {
        permissions.headOf(user, user.unitCode());
        LaunchForm form = LaunchForm.blank();
        form.setHeadUnit(user.unitCode());
        form.setYear(Integer.toString(Year.now().getValue()));
        return page(model, form, new FormErrors(messages));
    }

    @PostMapping("/campaigns/launch")
    public String submit(Caller caller, @ModelAttribute("form") LaunchForm form,
                         @RequestParam(required = false) String action, Model model, RedirectAttributes redirect,
                         HttpServletResponse response) {
        AppUser user = caller.user();
        permissions.headOf(user, user.unitCode());
        form.setHeadUnit(user.unitCode());
        compact(form);
        if (action != null && !action.isBlank()) {
            edit(form, action);
            return page(model, form, new FormErrors(messages));
        }
        FormErrors errors = new FormErrors(messages);
        Bodies.Campaign body = body(form, errors);
        Refusals.validate(validator, body, errors, Function.identity());
        if (!errors.any()) {
            try {
                LaunchCampaign launch = body.toCommand();
                campaigns.launch(caller, launch);
                redirect.addFlashAttribute("flashMessage", messages.getMessage("forms.launch.done",
                        new Object[]{launch.title()}, LocaleContextHolder.getLocale()));
                return "redirect:/campaigns/" + launch.campaignId();
            } catch (RuntimeException e) {
                Refusals.record(e, errors, Function.identity(), LaunchFormController::ruleField);
            }
        }
        response.setStatus(422);
        return page(model, form, errors);
    }

    private static String ruleField(String rule) {
        return switch (rule) {
            case "campaign.unknown-cluster" -> "clusterCode";
            case "campaign.head-not-member" -> "headUnit";
            case "campaign.exists" -> "campaignId";
            case "campaign.pledge-deadline-after-last-period" -> "pledgeDeadline";
            default -> null;
        };
    }

    /** Add and remove rows without script: add-period, add-content, add-indicator:c, remove-…:i. */
    private static void edit(LaunchForm form, String action) {
        String[] parts = action.split(":");
        try {
            switch (parts[0]) {
                case "add-period" -> form.getPeriods().add(new LaunchForm.PeriodRow());
                case "add-content" -> {
                    LaunchForm.ContentRow c = new LaunchForm.ContentRow();
                    c.getIndicators().add(new LaunchForm.IndicatorRow());
                    form.getContents().add(c);
                }
                case "add-indicator" -> form.getContents().get(Integer.parseInt(parts[1])).getIndicators()
                        .add(new LaunchForm.IndicatorRow());
                case "remove-period" -> {
                    if (form.getPeriods().size() > 1) {
                        form.getPeriods().remove(Integer.parseInt(parts[1]));
                    }
                }
                case "remove-content" -> {
                    if (form.getContents().size() > 1) {
                        form.getContents().remove(Integer.parseInt(parts[1]));
                    }
                }
                case "remove-indicator" -> {
                    List<LaunchForm.IndicatorRow> rows = form.getContents().get(Integer.parseInt(parts[1]))
                            .getIndicators();
                    if (rows.size() > 1) {
                        rows.remove(Integer.parseInt(parts[2]));
                    }
                }
                default -> {
                }
            }
        } catch (RuntimeException ignored) {
            // a stale or forged action changes nothing
        }
    }

    /** Drops the holes a removed row leaves in the posted indices, so error paths match the rows shown. */
    private static void compact(LaunchForm form) {
        form.setPeriods(new ArrayList<>(form.getPeriods().stream().filter(Objects::nonNull).toList()));
        List<LaunchForm.ContentRow> contents = new ArrayList<>(form.getContents().stream().filter(Objects::nonNull)
                .toList());
        contents.forEach(c -> c.setIndicators(new ArrayList<>(c.getIndicators().stream().filter(Objects::nonNull)
                .toList())));
        form.setContents(contents);
        if (form.getScoringRules() == null) {
            form.setScoringRules(new LaunchForm.RulesRow());
        }
    }

    private static Bodies.Campaign body(LaunchForm f, FormErrors errors) {
        List<Bodies.PeriodBody> periods = new ArrayList<>();
        for (int i = 0; i < f.getPeriods().size(); i++) {
            LaunchForm.PeriodRow p = f.getPeriods().get(i);
            String at = "periods[" + i + "]";
            periods.add(new Bodies.PeriodBody(text(p.getCode()), text(p.getTitle()),
                    date(p.getDueDate(), at + ".dueDate", errors)));
        }
        List<Bodies.ContentBody> contents = new ArrayList<>();
        for (int c = 0; c < f.getContents().size(); c++) {
            LaunchForm.ContentRow content = f.getContents().get(c);
            List<Bodies.IndicatorBody> indicators = new ArrayList<>();
            for (int i = 0; i < content.getIndicators().size(); i++) {
                LaunchForm.IndicatorRow r = content.getIndicators().get(i);
                String at = "contents[" + c + "].indicators[" + i + "]";
                indicators.add(new Bodies.IndicatorBody(text(r.getCode()), text(r.getTitle()), text(r.getUnit()),
                        choice(IndicatorKind.class, r.getKind(), at + ".kind", errors),
                        choice(Direction.class, r.getDirection(), at + ".direction", errors),
                        number(r.getFloor(), at + ".floor", errors), number(r.getWeight(), at + ".weight", errors),
                        number(r.getPointsPerItem(), at + ".pointsPerItem", errors),
                        number(r.getMin(), at + ".min", errors), number(r.getMax(), at + ".max", errors)));
            }
            contents.add(new Bodies.ContentBody(text(content.getCode()), text(content.getTitle()), indicators));
        }
        LaunchForm.RulesRow r = f.getScoringRules();
        Bodies.Rules rules = r.blank() ? null : new Bodies.Rules(integer(r.getVersion(), "scoringRules.version", errors),
                choice(ScoringMethod.class, r.getMethod(), "scoringRules.method", errors),
                number(r.getCap(), "scoringRules.cap", errors),
                number(r.getLatePenalty(), "scoringRules.latePenalty", errors),
                number(r.getMissingPenalty(), "scoringRules.missingPenalty", errors),
                number(r.getRejectedPenalty(), "scoringRules.rejectedPenalty", errors));
        return new Bodies.Campaign(text(f.getCampaignId()), text(f.getClusterCode()),
                integer(f.getYear(), "year", errors), text(f.getTitle()), text(f.getHeadUnit()),
                date(f.getPledgeDeadline(), "pledgeDeadline", errors), periods, contents, rules);
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : Normalizer.normalize(s.trim(), Normalizer.Form.NFC);
    }

    private static BigDecimal number(String raw, String path, FormErrors errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        BigDecimal n = ValueInputs.number(raw);
        if (n == null) {
            errors.field(path, ValueInputs.numberError(raw));
        }
        return n;
    }

    private static LocalDate date(String raw, String path, FormErrors errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            errors.field(path, "field.date");
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String raw, String path, FormErrors errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim());
        } catch (IllegalArgumentException e) {
            errors.field(path, "field.invalid");
            return null;
        }
    }

    private String page(Model model, LaunchForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("kinds", IndicatorKind.values());
        model.addAttribute("directions", Direction.values());
        model.addAttribute("methods", ScoringMethod.values());
        model.addAttribute("errors", errors);
        return "forms/launch";
    }
}
