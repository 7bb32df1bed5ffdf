package vn.thidua.web.api;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.command.support.CampaignTermsLookup;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.participation.PledgeState;
import vn.thidua.domain.participation.ReportState;
import vn.thidua.domain.participation.SubmitPledge;
import vn.thidua.domain.participation.SubmitReport;
import vn.thidua.domain.participation.VerifyReport;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.domain.shared.Outcome;
import vn.thidua.web.security.Actor;
import vn.thidua.web.security.AppUser;
import vn.thidua.web.security.Permissions;

/** Pledges, period reports and their verification: a unit's submissions within a campaign. */
@RestController
@RequestMapping("/api/v1/campaigns/{campaignId}")
public class SubmissionController {
    private final CommandSender commands;
    private final CampaignTermsLookup campaigns;
    private final Permissions permissions;
    private final EventStreams streams;

    public SubmissionController(CommandSender commands, CampaignTermsLookup campaigns, Permissions permissions,
                                EventStreams streams) {
        this.commands = commands;
        this.campaigns = campaigns;
        this.permissions = permissions;
        this.streams = streams;
    }

    @PutMapping("/pledges/{unitCode}")
    public ResponseEntity<ParticipationView.PledgeView> pledge(@AuthenticationPrincipal AppUser user,
                                                               @PathVariable String campaignId,
                                                               @PathVariable String unitCode,
                                                               @Valid @RequestBody Bodies.Pledge body) {
        CampaignTerms terms = campaigns.requireDefinition(campaignId);
        Actor actor = permissions.officerOf(user, unitCode);
        PledgeState state = (PledgeState) commands.dispatch(actor,
                new SubmitPledge(campaignId, unitCode, ValueJson.read(terms, "targets", body.targets())));
        return ResponseEntity.status(status(state.outcome())).body(ParticipationView.of(terms, state));
    }

    @GetMapping("/pledges/{unitCode}")
    public ParticipationView.PledgeView pledge(@PathVariable String campaignId, @PathVariable String unitCode) {
        CampaignTerms terms = campaigns.requireDefinition(campaignId);
        ParticipationView.PledgeView pledge = ParticipationView.pledge(terms, unitCode,
                Submissions.read(streams, campaignId, unitCode));
        if (pledge == null) {
            throw new NotFound("pledge", campaignId + "/" + unitCode);
        }
        return pledge;
    }

    @PutMapping("/reports/{unitCode}/{periodCode}")
    public ResponseEntity<ParticipationView.ReportView> report(@AuthenticationPrincipal AppUser user,
                                                               @PathVariable String campaignId,
                                                               @PathVariable String unitCode,
                                                               @PathVariable String periodCode,
                                                               @Valid @RequestBody Bodies.Report body) {
        CampaignTerms terms = campaigns.requireDefinition(campaignId);
        Actor actor = permissions.officerOf(user, unitCode);
        ReportState state = (ReportState) commands.dispatch(actor, new SubmitReport(campaignId, unitCode, periodCode,
                ValueJson.read(terms, "values", body.values()), body.reason()));
        return ResponseEntity.status(status(state.outcome())).body(ParticipationView.of(terms, state));
    }

    @GetMapping("/reports/{unitCode}/{periodCode}")
    public ParticipationView.ReportView report(@PathVariable String campaignId, @PathVariable String unitCode,
                                               @PathVariable String periodCode) {
        CampaignTerms terms = campaigns.requireDefinition(campaignId);
        ParticipationView.ReportView report = ParticipationView.report(terms, unitCode,
                Submissions.read(streams, campaignId, unitCode), periodCode);
        if (report == null) {
            throw new NotFound("report", campaignId + "/" + unitCode + "/" + periodCode);
        }
        return report;
    }

    @PostMapping("/reports/{unitCode}/{periodCode}/verification")
    public ParticipationView.ReportView verify(@AuthenticationPrincipal AppUser user, @PathVariable String campaignId,
                                               @PathVariable String unitCode, @PathVariable String periodCode,
                                               @Valid @RequestBody Bodies.Verification body) {
        CampaignTerms terms = campaigns.requireDefinition(campaignId);
        Actor actor = permissions.verifier(user, terms.headUnit());
        ReportState state = (ReportState) commands.dispatch(actor, new VerifyReport(campaignId, unitCode, periodCode,
                body.verdict(), body.comment(), ValueJson.read(terms, "verifiedValues", body.verifiedValues()),
                actor.role(), actor.unit()));
        return ParticipationView.of(terms, state);
    }

    private static HttpStatus status(Outcome outcome) {
        return outcome == Outcome.CREATED ? HttpStatus.CREATED : HttpStatus.OK;
    }
}
