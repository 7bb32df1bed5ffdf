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
import vn.thidua.domain.ballot.Candidate;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.commendation.Award;
import vn.thidua.domain.shared.Deadlines;
import vn.thidua.query.ballot.BallotView;
import vn.thidua.web.app.BallotService;
import vn.thidua.web.app.Caller;
import vn.thidua.web.app.Consistency;
import vn.thidua.web.security.AppUser;
import vn.thidua.web.security.Permissions;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static vn.thidua.web.ui.forms.FormSupport.allowed;
import static vn.thidua.web.ui.forms.FormSupport.flash;

/**
 * Secret ballots in pages: the campaign's ballots and, for its head after close, the form that opens one (candidates
 * picked from the member units and the awards); a ballot's page with its turnout, the vote form for a unit that has
 * not voted (a choice per candidate and a confirmation), the head's close, and the tally once closed. Every action
 * goes through {@link BallotService}, as the REST API does.
 */
@Controller
public class BallotPagesController {
    private final BallotService ballots;
    private final CampaignTermsLookup campaigns;
    private final Permissions permissions;
    private final MessageSource messages;

    public BallotPagesController(BallotService ballots, CampaignTermsLookup campaigns, Permissions permissions,
                                 MessageSource messages) {
        this.ballots = ballots;
        this.campaigns = campaigns;
        this.permissions = permissions;
        this.messages = messages;
    }

    @GetMapping("/campaigns/{campaignId}/ballots")
    public String list(@AuthenticationPrincipal AppUser user, @PathVariable String campaignId, Model model) {
        return listPage(model, user, campaignId, new LinkedHashMap<>(), new FormErrors(messages));
    }

    @PostMapping("/campaigns/{campaignId}/ballots")
    public String open(Caller caller, @PathVariable String campaignId, @RequestParam Map<String, String> params,
                       Model model, RedirectAttributes redirect, HttpServletResponse response) {
        CampaignTerms terms = campaigns.require(campaignId);
        permissions.headOf(caller.user(), terms.headUnit());
        FormErrors errors = new FormErrors(messages);
        String title = CommendationPagesController.nfc(params.get("title"));
        if (title == null) {
            errors.field("title", "field.required");
        }
        Instant closesAt = null;
        String rawClosesAt = params.get("closesAt");
        if (rawClosesAt == null || rawClosesAt.isBlank()) {
            errors.field("closesAt", "field.required");
        } else {
            try {
                closesAt = LocalDateTime.parse(rawClosesAt.trim()).atZone(Deadlines.ZONE).toInstant();
            } catch (DateTimeParseException e) {
                errors.field("closesAt", "field.date");
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        terms.members().forEach(m -> {
            String award = params.get("candidate." + m.code());
            if (award != null && !award.isBlank()) {
                try {
                    candidates.add(new Candidate(m.code(), Award.valueOf(award)));
                } catch (IllegalArgumentException e) {
                    errors.field("candidate." + m.code(), "field.invalid");
                }
            }
        });
        if (candidates.isEmpty() && !errors.any()) {
            errors.global("forms.ballots.noCandidate");
        }
        if (!errors.any()) {
            try {
                String id = ballots.open(caller.waiting(Consistency.ALL_PROJECTIONS), campaignId, null, title,
                        closesAt, candidates);
                flash(redirect, messages, "forms.ballots.opened");
                return "redirect:/ballots/" + id;
            } catch (RuntimeException e) {
                Refusals.record(e, errors, path -> path.startsWith("candidates") ? null : path,
                        rule -> "ballot.closes-in-past".equals(rule) ? "closesAt" : null);
            }
        }
        response.setStatus(422);
        Map<String, String> typed = new LinkedHashMap<>(params);
        typed.remove("_csrf");
        return listPage(model, caller.user(), campaignId, typed, errors);
    }

    @GetMapping("/ballots/{ballotId}")
    public String ballot(@AuthenticationPrincipal AppUser user, @PathVariable String ballotId, Model model) {
        return ballotPage(model, user, ballots.get(ballotId), new LinkedHashMap<>(), new FormErrors(messages));
    }

    /** The vote: a choice per candidate ("choice.<i>" in candidate order) and the confirmation box. */
    @PostMapping("/ballots/{ballotId}/vote")
    public String vote(Caller caller, @PathVariable String ballotId, @RequestParam Map<String, String> params,
                       Model model, RedirectAttributes redirect, HttpServletResponse response) {
        BallotView ballot = ballots.get(ballotId);
        FormErrors errors = new FormErrors(messages);
        Map<String, String> choices = new LinkedHashMap<>();
        for (int i = 0; i < ballot.candidates().size(); i++) {
            String choice = params.get("choice." + i);
            if (choice == null || choice.isBlank()) {
                errors.field("choice." + i, "forms.ballot.chooseOne");
            } else {
                choices.put(ballot.candidates().get(i).key(), choice);
            }
        }
        if (!"on".equals(params.get("confirm")) && !"true".equals(params.get("confirm"))) {
            errors.field("confirm", "forms.ballot.confirmRequired");
        }
        if (!errors.any()) {
            try {
                ballots.vote(caller.waiting(Consistency.ALL_PROJECTIONS), ballotId, choices);
                flash(redirect, messages, "forms.ballot.voted");
                return "redirect:/ballots/" + ballotId;
            } catch (RuntimeException e) {
                Refusals.record(e, errors, path -> choiceField(ballot, path), null);
            }
        }
        response.setStatus(422);
        // the page shown again keeps what was chosen, for this voter's own eyes only; nothing of it is logged
        Map<String, String> typed = new LinkedHashMap<>(params);
        typed.remove("_csrf");
        return ballotPage(model, caller.user(), ballot, typed, errors);
    }

    @PostMapping("/ballots/{ballotId}/close")
    public String close(Caller caller, @PathVariable String ballotId, Model model, RedirectAttributes redirect,
                        HttpServletResponse response) {
        BallotView ballot = ballots.get(ballotId);
        FormErrors errors = new FormErrors(messages);
        try {
            ballots.close(caller.waiting(Consistency.ALL_PROJECTIONS), ballotId);
            flash(redirect, messages, "forms.ballot.closed");
            return "redirect:/ballots/" + ballotId;
        } catch (AccessDeniedException e) {
            throw e;
        } catch (RuntimeException e) {
            Refusals.record(e, errors, path -> null, null);
        }
        response.setStatus(422);
        return ballotPage(model, caller.user(), ballot, new LinkedHashMap<>(), errors);
    }

    /** "choices.<candidate key>" as the form names it: "choice.<index>"; anything else stays on the form. */
    private static String choiceField(BallotView ballot, String path) {
        for (int i = 0; i < ballot.candidates().size(); i++) {
            if (("choices." + ballot.candidates().get(i).key()).equals(path)) {
                return "choice." + i;
            }
        }
        return null;
    }

    private String listPage(Model model, AppUser user, String campaignId, Map<String, String> typed,
                            FormErrors errors) {
        CampaignTerms terms = campaigns.require(campaignId);
        boolean head = allowed(() -> permissions.headOf(user, terms.headUnit()));
        model.addAttribute("terms", terms);
        model.addAttribute("ballots", ballots.ofCampaign(campaignId));
        model.addAttribute("canOpen", head && terms.closed());
        model.addAttribute("head", head);
        model.addAttribute("awards", Award.values());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("unitNames", unitNames(terms));
        model.addAttribute("defaultClosesAt", LocalDateTime.now(Deadlines.ZONE).plusDays(3)
                .truncatedTo(ChronoUnit.HOURS).toString());
        return "forms/ballots";
    }

    private String ballotPage(Model model, AppUser user, BallotView ballot, Map<String, String> typed,
                              FormErrors errors) {
        CampaignTerms terms = campaigns.require(ballot.campaignId());
        boolean head = allowed(() -> permissions.headOf(user, terms.headUnit()));
        String unit = user.unitCode();
        boolean eligible = unit != null && ballot.eligible().contains(unit)
                && allowed(() -> permissions.officerOf(user, unit));
        model.addAttribute("terms", terms);
        model.addAttribute("ballot", ballot);
        model.addAttribute("head", head);
        model.addAttribute("myUnit", unit);
        model.addAttribute("canVote", eligible && ballot.open() && !ballot.hasVoted(unit));
        model.addAttribute("hasVoted", unit != null && ballot.hasVoted(unit));
        model.addAttribute("canClose", head && ballot.open());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("unitNames", unitNames(terms));
        return "forms/ballot";
    }

    private static Map<String, String> unitNames(CampaignTerms terms) {
        Map<String, String> names = new LinkedHashMap<>();
        terms.members().forEach(m -> names.put(m.code(), m.name()));
        return names;
    }
}
