package vn.thidua.web.ui.forms;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.MessageSource;
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
import vn.thidua.domain.commendation.Award;
import vn.thidua.domain.query.LeagueTableQuery;
import vn.thidua.domain.scoring.LeagueTable;
import vn.thidua.web.api.Bodies;
import vn.thidua.domain.commendation.Ballot;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.web.app.BallotService;
import vn.thidua.web.app.Caller;
import vn.thidua.web.app.CommendationService;
import vn.thidua.web.api.CommendationView;
import vn.thidua.web.security.AppUser;
import vn.thidua.web.security.Permissions;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static vn.thidua.web.ui.forms.FormSupport.allowed;
import static vn.thidua.web.ui.forms.FormSupport.flash;

/**
 * Commendations of a campaign with each one's full history; the cluster head proposes after close (with the
 * ballot), the board approves, rejects, confers and revokes. Every action goes through {@link CommendationController}.
 */
@Controller
public class CommendationPagesController {
    private final CommendationService commendations;
    private final CampaignTermsLookup campaigns;
    private final Permissions permissions;
    private final QueryGateway queries;
    private final MessageSource messages;
    private final Validator validator;
    private final BallotService ballots;

    public CommendationPagesController(CommendationService commendations, CampaignTermsLookup campaigns,
                                       Permissions permissions, QueryGateway queries, MessageSource messages,
                                       Validator validator, BallotService ballots) {
        this.ballots = ballots;
        this.commendations = commendations;
        this.campaigns = campaigns;
        this.permissions = permissions;
        this.queries = queries;
        this.messages = messages;
        this.validator = validator;
    }

    @GetMapping("/campaigns/{campaignId}/commendations")
    public String list(@AuthenticationPrincipal AppUser user, @PathVariable String campaignId, Model model) {
        return page(model, user, campaignId, new LinkedHashMap<>(), null, new FormErrors(messages));
    }

    @PostMapping("/campaigns/{campaignId}/commendations")
    public String propose(Caller caller, @PathVariable String campaignId,
                          @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
                          HttpServletResponse response) {
        AppUser user = caller.user();
        CampaignTerms terms = campaigns.require(campaignId);
        permissions.headOf(user, terms.headUnit());
        FormErrors errors = new FormErrors(messages);
        Map<String, String> typed = new LinkedHashMap<>(params);
        typed.remove("_csrf");
        Award award = null;
        String rawAward = params.get("award");
        if (rawAward != null && !rawAward.isBlank()) {
            try {
                award = Award.valueOf(rawAward);
            } catch (IllegalArgumentException e) {
                errors.field("award", "field.invalid");
            }
        }
        // a closed ballot held here, or a paper ballot's typed numbers
        String ballotId = blankToNull(params.get("ballotId"));
        Bodies.BallotBody typedBallot = null;
        if (ballotId == null) {
            Integer inFavour = integer(params, "ballot.inFavour", errors);
            Integer against = integer(params, "ballot.against", errors);
            Integer cast = integer(params, "ballot.cast", errors);
            typedBallot = new Bodies.BallotBody(inFavour, against, cast);
        }
        Bodies.Proposal body = new Bodies.Proposal(blankToNull(params.get("unitCode")), award,
                nfc(params.get("rationale")), typedBallot, ballotId);
        Refusals.validate(validator, body, errors, path -> path);
        if (!errors.any()) {
            try {
                commendations.propose(caller, campaignId, body.unitCode(), body.award(), body.rationale(),
                        body.ballot() == null ? null
                                : new Ballot(body.ballot().inFavour(), body.ballot().against(), body.ballot().cast()),
                        body.ballotId());
                flash(redirect, messages, "forms.commendation.proposed");
                return "redirect:/campaigns/" + campaignId + "/commendations";
            } catch (RuntimeException e) {
                Refusals.record(e, errors, path -> "ballot".equals(path) ? "ballot.cast" : path,
                        CommendationPagesController::proposalField);
            }
        }
        response.setStatus(422);
        return page(model, user, campaignId, typed, null, errors);
    }

    private static String proposalField(String rule) {
        return switch (rule) {
            case "commendation.not-leading", "commendation.provisional-ranking", "commendation.not-member" ->
                    "unitCode";
            case "commendation.government-flag-needs-provincial-flag", "commendation.government-flag-quota" -> "award";
            case "commendation.no-majority", "commendation.ballot-inconsistent" -> "ballot.inFavour";
            case "commendation.ballot-open", "commendation.not-a-candidate", "commendation.ballot-empty" -> "ballotId";
            default -> null;
        };
    }

    @PostMapping("/commendations/{id}/{action}")
    public String act(Caller caller, @PathVariable String id, @PathVariable String action,
                      @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
                      HttpServletResponse response) {
        AppUser user = caller.user();
        CommendationView current = commendations.find(id).orElseThrow(() -> new NotFound("commendation", id));
        permissions.board(user);
        FormErrors errors = new FormErrors(messages);
        String prefix = "c." + id + ".";
        try {
            switch (action) {
                case "approve" -> {
                    Bodies.Comment body = new Bodies.Comment(nfc(params.get("comment")));
                    Refusals.validate(validator, body, errors, p -> prefix + "comment");
                    if (!errors.any()) {
                        commendations.approve(caller, id, body.comment());
                    }
                }
                case "reject" -> {
                    Bodies.Comment body = new Bodies.Comment(nfc(params.get("comment")));
                    Refusals.validate(validator, body, errors, p -> prefix + "comment");
                    if (!errors.any()) {
                        commendations.reject(caller, id, body.comment());
                    }
                }
                case "confer" -> {
                    LocalDate date = null;
                    String rawDate = params.get("decisionDate");
                    if (rawDate != null && !rawDate.isBlank()) {
                        try {
                            date = LocalDate.parse(rawDate.trim());
                        } catch (DateTimeParseException e) {
                            errors.field(prefix + "decisionDate", "field.date");
                        }
                    }
                    Bodies.Conferral body = new Bodies.Conferral(nfc(params.get("decisionNo")), date);
                    Refusals.validate(validator, body, errors, p -> prefix + p);
                    if (!errors.any()) {
                        commendations.confer(caller, id, body.decisionNo(), body.decisionDate());
                    }
                }
                case "revoke" -> {
                    Bodies.Revocation body = new Bodies.Revocation(nfc(params.get("reason")));
                    Refusals.validate(validator, body, errors, p -> prefix + p);
                    if (!errors.any()) {
                        commendations.revoke(caller, id, body.reason());
                    }
                }
                default -> throw new NotFound("action", action);
            }
        } catch (RuntimeException e) {
            Refusals.record(e, errors, p -> prefix + p, null);
        }
        if (!errors.any()) {
            flash(redirect, messages, "forms.commendation.done." + action);
            return "redirect:/campaigns/" + current.campaignId() + "/commendations#c-" + id;
        }
        response.setStatus(422);
        Map<String, String> typed = new LinkedHashMap<>();
        params.forEach((k, v) -> typed.put(prefix + k, v));
        return page(model, user, current.campaignId(), typed, id, errors);
    }

    private String page(Model model, AppUser user, String campaignId, Map<String, String> typed, String failedId,
                        FormErrors errors) {
        CampaignTerms terms = campaigns.require(campaignId);
        List<CommendationView> list = commendations.list(campaignId);
        boolean head = allowed(() -> permissions.headOf(user, terms.headUnit()));
        boolean board = allowed(() -> permissions.board(user));
        model.addAttribute("terms", terms);
        model.addAttribute("commendations", list);
        model.addAttribute("canPropose", head && terms.closed());
        model.addAttribute("head", head);
        model.addAttribute("board", board);
        model.addAttribute("awards", Award.values());
        model.addAttribute("table", head && terms.closed() ? table(campaignId) : null);
        model.addAttribute("typed", typed);
        model.addAttribute("failedId", failedId);
        model.addAttribute("errors", errors);
        model.addAttribute("unitNames", unitNames(terms));
        model.addAttribute("closedBallots", ballots.ofCampaign(campaignId).stream()
                .filter(b -> !b.open()).toList());
        return "forms/commendations";
    }

    private static Map<String, String> unitNames(CampaignTerms terms) {
        Map<String, String> names = new LinkedHashMap<>();
        terms.members().forEach(m -> names.put(m.code(), m.name()));
        return names;
    }

    private LeagueTable table(String campaignId) {
        try {
            return queries.query(new LeagueTableQuery(campaignId, null, null), LeagueTable.class).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | RuntimeException e) {
            return null; // the proposal itself asks again and reports what it finds
        }
    }


    private static Integer integer(Map<String, String> params, String name, FormErrors errors) {
        return FormSupport.integer(params.get(name), name, errors);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static String nfc(String s) {
        return s == null || s.isBlank() ? null : Normalizer.normalize(s.trim(), Normalizer.Form.NFC);
    }
}
