package vn.thidua.command.participation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import vn.thidua.command.support.CampaignTermsLookup;
import vn.thidua.command.support.StreamTargetResolver;
import vn.thidua.command.support.Values;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.campaign.Indicator;
import vn.thidua.domain.campaign.Period;
import vn.thidua.domain.participation.ParticipationEvent;
import vn.thidua.domain.participation.AttachEvidence;
import vn.thidua.domain.participation.EvidenceAttached;
import vn.thidua.domain.participation.EvidenceState;
import vn.thidua.domain.participation.EvidenceWithdrawn;
import vn.thidua.domain.participation.PledgeRevised;
import vn.thidua.domain.participation.WithdrawEvidence;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.domain.participation.PledgeState;
import vn.thidua.domain.participation.PledgeSubmitted;
import vn.thidua.domain.participation.ReportCorrected;
import vn.thidua.domain.participation.ReportRejected;
import vn.thidua.domain.participation.ReportState;
import vn.thidua.domain.participation.ReportSubmitted;
import vn.thidua.domain.participation.ReportVerified;
import vn.thidua.domain.participation.SubmitPledge;
import vn.thidua.domain.participation.ValueRules;
import vn.thidua.domain.participation.Verifiers;
import vn.thidua.domain.shared.NotPermitted;
import vn.thidua.domain.participation.SubmitReport;
import vn.thidua.domain.participation.Verdict;
import vn.thidua.domain.participation.VerifyReport;
import vn.thidua.domain.shared.Deadlines;
import vn.thidua.domain.shared.InvalidValue;
import vn.thidua.domain.shared.Outcome;
import vn.thidua.domain.shared.RuleViolation;
import vn.thidua.domain.shared.StreamIds;
import vn.thidua.domain.scoring.PeriodReport;
import vn.thidua.domain.scoring.ReportStatus;
import vn.thidua.domain.scoring.UnitSubmissions;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import vn.thidua.domain.shared.MetadataKeys;
import java.util.ArrayList;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static vn.thidua.command.support.Rules.require;

/**
 * One unit's part in one campaign: its pledge and its revisions, its period reports with corrections and
 * verification. The stream is the unit's submission history. Identical resubmissions record nothing.
 */
// Revision 2: the state is the domain's UnitSubmissions fold; snapshots of revision 1 are skipped (Axon's
// RevisionSnapshotFilter) and the aggregate is loaded from its events instead.
@Revision("2")
@Aggregate(commandTargetResolver = StreamTargetResolver.BEAN_NAME,
        snapshotTriggerDefinition = "participationSnapshots", cache = "participationCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Participation {
    @AggregateIdentifier
    private String id;
    private String campaignId;
    private String unitCode;
    /** The unit's pledge and reports as they stand: the domain's one fold of a participation stream. */
    private UnitSubmissions submissions;
    /**
     * The client request ids ({@code X-Request-Id}) of the stream's latest events: a command sent again under one of
     * them (a retry whose first answer was lost, even after another unit's writer changed the report meanwhile)
     * records nothing, so every accepted request is stored exactly once.
     */
    private final List<String> requestIds = new ArrayList<>();
    /** The evidence files attached to the reports, by id, in the order they were attached. */
    private final Map<String, AttachedEvidence> evidence = new LinkedHashMap<>();

    protected Participation() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public PledgeState handle(SubmitPledge cmd, CampaignTermsLookup campaigns, Clock clock,
                              @MetaDataValue(MetadataKeys.CLIENT_REQUEST_ID) String requestId) {
        if (seen(requestId) && pledged()) {
            return pledgeState(Outcome.UNCHANGED);
        }
        // A client retrying the very same pledge gets the same answer, even after the deadline or the close.
        if (pledged() && cmd.targets() != null
                && Values.sameNumbers(submissions.targets(), Values.canonical(cmd.targets()))) {
            return pledgeState(Outcome.UNCHANGED);
        }
        CampaignTerms terms = openCampaign(campaigns, cmd.campaignId());
        require(terms.isMember(cmd.unitCode()), "pledge.not-member",
                "unit " + cmd.unitCode() + " is not a member of campaign " + cmd.campaignId());
        require(!terms.pledgeDeadlinePassed(clock.instant()), "pledge.deadline-passed",
                "the pledge deadline " + terms.pledgeDeadline() + " has passed");
        ValueRules.check(terms, "targets", cmd.targets());
        Map<String, BigDecimal> pledged = Values.canonical(cmd.targets());
        for (Indicator indicator : terms.indicators().values()) {
            require(pledged.containsKey(indicator.code()), "pledge.incomplete",
                    "the pledge has no target for indicator " + indicator.code() + "; every indicator must be pledged");
            checkFloor(indicator, pledged.get(indicator.code()));
        }
        String participationId = StreamIds.participation(cmd.campaignId(), cmd.unitCode());
        if (!pledged()) {
            apply(new PledgeSubmitted(participationId, cmd.campaignId(), cmd.unitCode(), pledged),
                    requestMetaData(requestId));
            return pledgeState(Outcome.CREATED);
        }
        if (Values.sameNumbers(submissions.targets(), pledged)) {
            return pledgeState(Outcome.UNCHANGED);
        }
        apply(new PledgeRevised(participationId, cmd.campaignId(), cmd.unitCode(), pledged, submissions.targets()),
                    requestMetaData(requestId));
        return pledgeState(Outcome.CHANGED);
    }

    /** The floor is the least ambitious target the cluster accepts: a minimum, or a maximum when lower is better. */
    private static void checkFloor(Indicator indicator, BigDecimal target) {
        if (!indicator.meetsFloor(target)) {
            throw new RuleViolation("pledge.below-floor", "the target " + target.toPlainString() + " for "
                    + indicator.code() + " is below the cluster's floor " + indicator.floor().toPlainString());
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ReportState handle(SubmitReport cmd, CampaignTermsLookup campaigns, Clock clock,
                              @MetaDataValue(MetadataKeys.CLIENT_REQUEST_ID) String requestId) {
        if (seen(requestId) && report(cmd.periodCode()) != null) {
            return reportState(Outcome.UNCHANGED, cmd.periodCode());
        }
        PeriodReport previous = report(cmd.periodCode());
        Map<String, BigDecimal> values = Values.canonical(cmd.values());
        boolean identical = previous != null && Values.sameNumbers(previous.reported(), values);
        // Retrying the very same report records nothing, even after close; a rejected one may be resubmitted
        // unchanged with a reason (the evidence was missing, not the numbers wrong).
        if (identical && previous.status() != ReportStatus.REJECTED) {
            return reportState(Outcome.UNCHANGED, cmd.periodCode());
        }
        CampaignTerms terms = openCampaign(campaigns, cmd.campaignId());
        Period period = terms.period(cmd.periodCode()).orElse(null);
        require(period != null, "report.unknown-period",
                "campaign " + cmd.campaignId() + " has no reporting period " + cmd.periodCode());
        require(pledged(), "report.no-pledge", "unit " + cmd.unitCode() + " has not pledged yet");
        ValueRules.check(terms, "values", cmd.values());
        cmd.values().keySet().forEach(code -> require(submissions.targets().containsKey(code), "report.not-pledged",
                "indicator " + code + " was not pledged"));
        boolean late = Deadlines.passed(period.dueDate(), clock.instant());
        if (previous == null) {
            apply(new ReportSubmitted(id, cmd.campaignId(), cmd.unitCode(), cmd.periodCode(), values, late),
                    requestMetaData(requestId));
            return reportState(Outcome.CREATED, cmd.periodCode());
        }
        require(cmd.reason() != null && !cmd.reason().isBlank(), "report.correction-needs-reason",
                identical ? "the report for " + cmd.periodCode() + " was rejected: resubmitting it needs a reason"
                        : "the report for " + cmd.periodCode()
                        + " differs from the one submitted: a correction needs a reason");
        apply(new ReportCorrected(id, cmd.campaignId(), cmd.unitCode(), cmd.periodCode(), values, previous.reported(),
                cmd.reason(), late), requestMetaData(requestId));
        return reportState(Outcome.CHANGED, cmd.periodCode());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ReportState handle(VerifyReport cmd, CampaignTermsLookup campaigns,
                              @MetaDataValue(MetadataKeys.CLIENT_REQUEST_ID) String requestId) {
        if (seen(requestId) && report(cmd.periodCode()) != null) {
            return reportState(Outcome.UNCHANGED, cmd.periodCode());
        }
        CampaignTerms terms = openCampaign(campaigns, cmd.campaignId());
        if (!Verifiers.mayVerify(terms, cmd.verifierRole(), cmd.verifierUnit(), cmd.unitCode(), cmd.periodCode())) {
            throw new NotPermitted("verification.not-allowed", "only the campaign's cluster head, the provincial "
                    + "board or a unit sent to inspect " + cmd.unitCode() + " for " + cmd.periodCode()
                    + " verifies this report");
        }
        require(!cmd.unitCode().equals(cmd.verifierUnit()), "verification.own-unit",
                "unit " + cmd.unitCode() + " cannot verify its own report");
        PeriodReport report = report(cmd.periodCode());
        require(report != null, "verification.no-report",
                "unit " + cmd.unitCode() + " has no report for period " + cmd.periodCode());
        require(cmd.verdict() != null, "verification.no-verdict", "a verdict is required");
        if (cmd.verdict() == Verdict.REJECTED) {
            if (cmd.verifiedValues() != null && !cmd.verifiedValues().isEmpty()) {
                throw new InvalidValue("verifiedValues", "rejection-no-fixes", "a rejection cannot fix values");
            }
            require(cmd.comment() != null && !cmd.comment().isBlank(), "verification.rejection-needs-comment",
                    "a rejection says why: the unit reads the comment to correct its report");
            if (report.status() == ReportStatus.REJECTED) {
                return reportState(Outcome.UNCHANGED, cmd.periodCode());
            }
            apply(new ReportRejected(id, cmd.campaignId(), cmd.unitCode(), cmd.periodCode(), cmd.comment()),
                    requestMetaData(requestId));
            return reportState(Outcome.CHANGED, cmd.periodCode());
        }
        require(report.status() != ReportStatus.REJECTED, "verification.rejected-needs-correction",
                "the report for " + cmd.periodCode() + " was rejected: it must be corrected before it is verified");
        Map<String, BigDecimal> fixes = Values.canonical(cmd.verifiedValues());
        if (!fixes.isEmpty()) {
            ValueRules.check(terms, "verifiedValues", fixes);
            fixes.keySet().forEach(code -> require(report.reported().containsKey(code), "verification.not-reported",
                    "indicator " + code + " is not in the report; only reported values can be fixed"));
        }
        Map<String, BigDecimal> counted = new LinkedHashMap<>(report.reported());
        Map<String, BigDecimal> fixed = new LinkedHashMap<>();
        fixes.forEach((code, value) -> {
            if (report.reported().get(code).compareTo(value) != 0) {
                fixed.put(code, value);
            }
            counted.put(code, value);
        });
        Map<String, String> reasons = new LinkedHashMap<>();
        for (String code : fixed.keySet()) {
            String reason = cmd.reasons() == null ? null : cmd.reasons().get(code);
            if (reason == null || reason.isBlank()) {
                throw new InvalidValue("reasons." + code, "reason-required", "the value of " + code
                        + " differs from the reported one: the change needs a reason");
            }
            reasons.put(code, reason.strip());
        }
        if (report.status() == ReportStatus.VERIFIED && Values.sameNumbers(report.verified(), counted)) {
            return reportState(Outcome.UNCHANGED, cmd.periodCode());
        }
        apply(new ReportVerified(id, cmd.campaignId(), cmd.unitCode(), cmd.periodCode(), counted, fixed,
                cmd.comment(), reasons), requestMetaData(requestId));
        return reportState(Outcome.CHANGED, cmd.periodCode());
    }

    private boolean pledged() {
        return submissions != null && submissions.hasPledged();
    }

    private PeriodReport report(String periodCode) {
        return submissions == null ? null : submissions.report(periodCode);
    }

    /**
     * A file attached to a report by the report's own unit, while the campaign is open. The same bytes for the same
     * report and indicator, still attached, record nothing and answer the file already there (even after close).
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public EvidenceState handle(AttachEvidence cmd, CampaignTermsLookup campaigns,
                                @MetaDataValue(MetadataKeys.CLIENT_REQUEST_ID) String requestId) {
        for (AttachedEvidence e : evidence.values()) {
            if (e.sameAs(cmd.periodCode(), cmd.indicatorCode(), cmd.sha256())) {
                return new EvidenceState(Outcome.UNCHANGED, e.evidenceId());
            }
        }
        CampaignTerms terms = openCampaign(campaigns, cmd.campaignId());
        if (!cmd.unitCode().equals(cmd.uploaderUnit())) {
            throw new NotPermitted("evidence.other-unit",
                    "unit " + cmd.uploaderUnit() + " cannot attach evidence to the report of unit " + cmd.unitCode());
        }
        require(report(cmd.periodCode()) != null, "evidence.no-report",
                "unit " + cmd.unitCode() + " has no report for period " + cmd.periodCode() + " to attach evidence to");
        if (cmd.indicatorCode() != null && !terms.indicators().containsKey(cmd.indicatorCode())) {
            throw new InvalidValue("indicatorCode", "unknown-indicator",
                    "campaign " + cmd.campaignId() + " has no indicator " + cmd.indicatorCode());
        }
        require(!evidence.containsKey(cmd.evidenceId()), "evidence.id-taken",
                "evidence " + cmd.evidenceId() + " already exists");
        apply(new EvidenceAttached(id != null ? id : StreamIds.participation(cmd.campaignId(), cmd.unitCode()),
                cmd.campaignId(), cmd.unitCode(), cmd.periodCode(), cmd.evidenceId(), cmd.sha256(), cmd.fileName(),
                cmd.mediaType(), cmd.size(), cmd.indicatorCode(), cmd.note(), cmd.uploadedBy()),
                requestMetaData(requestId));
        return new EvidenceState(Outcome.CREATED, cmd.evidenceId());
    }

    /** A file withdrawn, with a reason, by the unit that attached it, before its report is verified. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public EvidenceState handle(WithdrawEvidence cmd, CampaignTermsLookup campaigns,
                                @MetaDataValue(MetadataKeys.CLIENT_REQUEST_ID) String requestId) {
        AttachedEvidence file = evidence.get(cmd.evidenceId());
        if (file == null) {
            throw new NotFound("evidence", cmd.evidenceId());
        }
        if (!cmd.unitCode().equals(cmd.withdrawerUnit())) {
            throw new NotPermitted("evidence.other-unit",
                    "only unit " + cmd.unitCode() + ", which attached it, may withdraw evidence " + cmd.evidenceId());
        }
        if (file.withdrawn()) {
            return new EvidenceState(Outcome.UNCHANGED, file.evidenceId());
        }
        openCampaign(campaigns, cmd.campaignId());
        require(cmd.reason() != null && !cmd.reason().isBlank(), "evidence.withdrawal-needs-reason",
                "withdrawing evidence needs a reason");
        PeriodReport report = report(file.periodCode());
        require(report == null || report.status() != ReportStatus.VERIFIED, "evidence.report-verified",
                "the report for " + file.periodCode() + " is verified: its evidence can no longer be withdrawn");
        apply(new EvidenceWithdrawn(id, cmd.campaignId(), cmd.unitCode(), file.periodCode(), file.evidenceId(),
                file.fileName(), cmd.reason()), requestMetaData(requestId));
        return new EvidenceState(Outcome.CHANGED, file.evidenceId());
    }

    private PledgeState pledgeState(Outcome outcome) {
        return new PledgeState(outcome, campaignId, unitCode, submissions.targets(), submissions.pledgeRevision());
    }

    private ReportState reportState(Outcome outcome, String periodCode) {
        PeriodReport r = report(periodCode);
        return new ReportState(outcome, campaignId, unitCode, periodCode, r.reported(), r.status().name(), r.late(),
                r.corrections(), r.verified(), r.comment());
    }

    private static CampaignTerms openCampaign(CampaignTermsLookup campaigns, String campaignId) {
        CampaignTerms terms = campaigns.require(campaignId);
        require(!terms.closed(), "campaign.closed", "campaign " + campaignId + " is closed");
        return terms;
    }

    private static final int REMEMBERED_REQUESTS = 100;

    private boolean seen(String requestId) {
        return requestId != null && requestIds.contains(requestId);
    }

    /** The request id travels on the applied event itself, so the live handler below sees it as a replay does. */
    private static MetaData requestMetaData(String requestId) {
        return requestId == null ? MetaData.emptyInstance() : MetaData.with(MetadataKeys.CLIENT_REQUEST_ID, requestId);
    }

    private void remember(String requestId) {
        if (requestId != null) {
            requestIds.add(requestId);
            if (requestIds.size() > REMEMBERED_REQUESTS) {
                requestIds.remove(0);
            }
        }
    }

    @EventSourcingHandler
    void on(PledgeSubmitted event, @MetaDataValue(MetadataKeys.CLIENT_REQUEST_ID) String requestId) {
        this.id = event.participationId();
        this.campaignId = event.campaignId();
        this.unitCode = event.unitCode();
        this.submissions = new UnitSubmissions(event.unitCode());
        fold(event, requestId);
    }

    @EventSourcingHandler
    void on(PledgeRevised event, @MetaDataValue(MetadataKeys.CLIENT_REQUEST_ID) String requestId) {
        fold(event, requestId);
    }

    @EventSourcingHandler
    void on(ReportSubmitted event, @MetaDataValue(MetadataKeys.CLIENT_REQUEST_ID) String requestId) {
        fold(event, requestId);
    }

    @EventSourcingHandler
    void on(ReportCorrected event, @MetaDataValue(MetadataKeys.CLIENT_REQUEST_ID) String requestId) {
        fold(event, requestId);
    }

    @EventSourcingHandler
    void on(ReportVerified event, @MetaDataValue(MetadataKeys.CLIENT_REQUEST_ID) String requestId) {
        fold(event, requestId);
    }

    @EventSourcingHandler
    void on(ReportRejected event, @MetaDataValue(MetadataKeys.CLIENT_REQUEST_ID) String requestId) {
        fold(event, requestId);
    }

    private void fold(ParticipationEvent event, String requestId) {
        remember(requestId);
        submissions.apply(event);
    }

    @EventSourcingHandler
    void on(EvidenceAttached event, @MetaDataValue(MetadataKeys.CLIENT_REQUEST_ID) String requestId) {
        remember(requestId);
        evidence.put(event.evidenceId(), new AttachedEvidence(event.evidenceId(), event.periodCode(),
                event.indicatorCode(), event.sha256(), event.fileName(), false));
    }

    @EventSourcingHandler
    void on(EvidenceWithdrawn event, @MetaDataValue(MetadataKeys.CLIENT_REQUEST_ID) String requestId) {
        remember(requestId);
        evidence.computeIfPresent(event.evidenceId(), (k, e) -> e.asWithdrawn());
    }
}
