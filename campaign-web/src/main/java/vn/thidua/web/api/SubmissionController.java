package vn.thidua.web.api;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import vn.thidua.domain.shared.NotFound;
import vn.thidua.domain.shared.Outcome;
import vn.thidua.web.app.Caller;
import vn.thidua.web.app.Dispatched;
import vn.thidua.web.app.SubmissionService;
import vn.thidua.web.app.EvidenceService;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** Pledges, period reports and their verification: a unit's submissions within a campaign, on the wire. */
@RestController
@RequestMapping("/api/v1/campaigns/{campaignId}")
public class SubmissionController {
    private final SubmissionService submissions;
    private final CampaignTermsLookup campaigns;
    private final EvidenceService evidence;

    public SubmissionController(SubmissionService submissions, CampaignTermsLookup campaigns,
                                EvidenceService evidence) {
        this.submissions = submissions;
        this.campaigns = campaigns;
        this.evidence = evidence;
    }

    /** A report as read, with its evidence files (API.md, "Evidence"). */
    public record ReportWithEvidence(@JsonUnwrapped ParticipationView.ReportView report,
                                     java.util.List<EvidenceView> evidence) {
    }

    @PutMapping("/pledges/{unitCode}")
    public ResponseEntity<ParticipationView.PledgeView> pledge(Caller caller, @PathVariable String campaignId,
                                                               @PathVariable String unitCode,
                                                               @Valid @RequestBody Bodies.Pledge body) {
        CampaignTerms terms = campaigns.requireDefinition(campaignId);
        Dispatched<PledgeState> sent = submissions.pledge(caller, campaignId, unitCode,
                ValueJson.read(terms, "targets", body.targets()));
        return Callers.answer(ResponseEntity.status(status(sent.result().outcome())),
                ParticipationView.of(terms, sent.result()), sent);
    }

    @GetMapping("/pledges/{unitCode}")
    public ParticipationView.PledgeView pledge(@PathVariable String campaignId, @PathVariable String unitCode) {
        CampaignTerms terms = campaigns.requireDefinition(campaignId);
        ParticipationView.PledgeView pledge = ParticipationView.pledge(terms, unitCode,
                submissions.submissions(campaignId, unitCode));
        if (pledge == null) {
            throw new NotFound("pledge", campaignId + "/" + unitCode);
        }
        return pledge;
    }

    @PutMapping("/reports/{unitCode}/{periodCode}")
    public ResponseEntity<ParticipationView.ReportView> report(Caller caller, @PathVariable String campaignId,
                                                               @PathVariable String unitCode,
                                                               @PathVariable String periodCode,
                                                               @Valid @RequestBody Bodies.Report body) {
        CampaignTerms terms = campaigns.requireDefinition(campaignId);
        Dispatched<ReportState> sent = submissions.report(caller, campaignId, unitCode, periodCode,
                ValueJson.read(terms, "values", body.values()), body.reason());
        return Callers.answer(ResponseEntity.status(status(sent.result().outcome())),
                ParticipationView.of(terms, sent.result()), sent);
    }

    @GetMapping("/reports/{unitCode}/{periodCode}")
    public ReportWithEvidence report(@PathVariable String campaignId, @PathVariable String unitCode,
                                     @PathVariable String periodCode) {
        CampaignTerms terms = campaigns.requireDefinition(campaignId);
        ParticipationView.ReportView report = ParticipationView.report(terms, unitCode,
                submissions.submissions(campaignId, unitCode), periodCode);
        if (report == null) {
            throw new NotFound("report", campaignId + "/" + unitCode + "/" + periodCode);
        }
        return new ReportWithEvidence(report, EvidenceView.of(evidence.ofReport(campaignId, unitCode, periodCode)));
    }

    @PostMapping("/reports/{unitCode}/{periodCode}/verification")
    public ResponseEntity<ParticipationView.ReportView> verify(Caller caller, @PathVariable String campaignId,
                                                               @PathVariable String unitCode,
                                                               @PathVariable String periodCode,
                                                               @Valid @RequestBody Bodies.Verification body) {
        CampaignTerms terms = campaigns.requireDefinition(campaignId);
        Dispatched<ReportState> sent = submissions.verify(caller, campaignId, unitCode, periodCode, body.verdict(),
                body.comment(), ValueJson.read(terms, "verifiedValues", body.verifiedValues()), body.reasons());
        return Callers.answer(ResponseEntity.ok(), ParticipationView.of(terms, sent.result()), sent);
    }

    private static HttpStatus status(Outcome outcome) {
        return outcome == Outcome.CREATED ? HttpStatus.CREATED : HttpStatus.OK;
    }
}
