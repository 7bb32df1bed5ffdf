package vn.thidua.command.campaign;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import vn.thidua.command.support.ClusterDirectory;
import vn.thidua.command.support.StreamTargetResolver;
import vn.thidua.command.support.Values;
import vn.thidua.domain.campaign.ApproveLeagueTable;
import vn.thidua.domain.campaign.AssignInspection;
import vn.thidua.domain.campaign.CampaignClosed;
import vn.thidua.domain.campaign.InspectionAssigned;
import vn.thidua.domain.campaign.LeagueTableApproved;
import vn.thidua.domain.campaign.CampaignLaunched;
import vn.thidua.domain.campaign.CloseCampaign;
import vn.thidua.domain.campaign.Content;
import vn.thidua.domain.campaign.Indicator;
import vn.thidua.domain.campaign.LaunchCampaign;
import vn.thidua.domain.campaign.PublishScoringRules;
import vn.thidua.domain.campaign.ScoringRules;
import vn.thidua.domain.campaign.ScoringRulesPublished;
import vn.thidua.domain.cluster.ClusterRegistered;
import vn.thidua.domain.shared.Deadlines;
import vn.thidua.domain.shared.Outcome;
import vn.thidua.domain.shared.StreamIds;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static vn.thidua.command.support.Rules.require;

/**
 * A campaign (phong trào thi đua) of a cluster for a year: launched once, rule sets published as rising versions,
 * closed once. Launching again with the same id and the same definition records nothing.
 */
@Aggregate(commandTargetResolver = StreamTargetResolver.BEAN_NAME)
public class Campaign {
    @AggregateIdentifier
    private String id;
    private CampaignLaunched launched;
    private int rulesVersion;
    private boolean closed;
    private final Set<String> inspectionIds = new HashSet<>();
    private boolean approved;

    protected Campaign() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Outcome handle(LaunchCampaign cmd, ClusterDirectory clusters) {
        CampaignDefinitionRules.check(cmd);
        ClusterRegistered cluster = clusters.findCluster(cmd.clusterCode()).orElse(null);
        require(cluster != null, "campaign.unknown-cluster", "cluster " + cmd.clusterCode() + " is not registered");
        require(cluster.members().stream().anyMatch(m -> m.code().equals(cmd.headUnit())), "campaign.head-not-member",
                "the head unit " + cmd.headUnit() + " is not a member of cluster " + cmd.clusterCode());
        // A cluster registered with its head (RegisterCluster.headUnit) is led by that unit only: the head of another
        // member unit may not launch a campaign naming itself as head. A cluster registered without a head keeps the
        // older rule (any member unit may lead a campaign).
        require(cluster.headUnit() == null || cluster.headUnit().equals(cmd.headUnit()),
                "campaign.head-not-cluster-head", "cluster " + cmd.clusterCode() + " is led by unit "
                        + cluster.headUnit() + ", not " + cmd.headUnit());
        ScoringRules rules = canonical(cmd.scoringRules() == null ? ScoringRules.defaults() : cmd.scoringRules());
        CampaignLaunched event = new CampaignLaunched(cmd.campaignId(), cmd.clusterCode(), cmd.year(), cmd.title(),
                cmd.headUnit(), cluster.members(), cmd.pledgeDeadline(), cmd.periods(), canonical(cmd.contents()),
                rules);
        if (launched != null) {
            require(launched.equals(event), "campaign.exists",
                    "campaign " + cmd.campaignId() + " was already launched with another definition");
            return Outcome.UNCHANGED;
        }
        apply(event);
        return Outcome.CREATED;
    }

    @CommandHandler
    public void handle(PublishScoringRules cmd) {
        requireOpen();
        CampaignDefinitionRules.checkRules(cmd.rules());
        require(cmd.rules() != null, "rules.missing", "a rule set is required");
        require(cmd.rules().version() > rulesVersion, "rules.version-not-increasing",
                "rule version " + cmd.rules().version() + " is not above the current version " + rulesVersion);
        apply(new ScoringRulesPublished(cmd.campaignId(), canonical(cmd.rules())));
    }

    @CommandHandler
    public void handle(CloseCampaign cmd) {
        requireOpen();
        apply(new CampaignClosed(cmd.campaignId()));
    }

    @CommandHandler
    public void handle(AssignInspection cmd) {
        requireOpen();
        require(cmd.inspectionId() != null && !cmd.inspectionId().isBlank(), "inspection.no-id",
                "an inspection needs an id");
        require(!inspectionIds.contains(cmd.inspectionId()), "inspection.exists",
                "inspection " + cmd.inspectionId() + " was already assigned");
        require(launched.periods().stream().anyMatch(p -> p.code().equals(cmd.periodCode())),
                "inspection.unknown-period", "campaign " + launched.campaignId() + " has no period " + cmd.periodCode());
        require(isMember(cmd.inspectorUnit()), "inspection.inspector-not-member",
                "the inspector unit " + cmd.inspectorUnit() + " is not a member of the campaign");
        require(cmd.inspectedUnits() != null && !cmd.inspectedUnits().isEmpty(), "inspection.no-units",
                "an inspection team inspects at least one unit");
        for (String unit : cmd.inspectedUnits()) {
            require(!unit.equals(cmd.inspectorUnit()), "inspection.self",
                    "unit " + unit + " cannot inspect itself");
            require(isMember(unit), "inspection.unit-not-member",
                    "the inspected unit " + unit + " is not a member of the campaign");
        }
        require(cmd.inspectedUnits().stream().distinct().count() == cmd.inspectedUnits().size(),
                "inspection.duplicate-unit", "an inspected unit is listed twice");
        apply(new InspectionAssigned(cmd.campaignId(), cmd.inspectionId(), cmd.periodCode(), cmd.inspectorUnit(),
                List.copyOf(cmd.inspectedUnits())));
    }

    /**
     * The meeting's approval of the table after the close: once, and only of a table with no provisional row.
     * After the close no submission, verification or rule version can change the table, so the rows the service
     * computed at {@code position} are the table the meeting saw.
     */
    @CommandHandler
    public void handle(ApproveLeagueTable cmd, Clock clock) {
        require(closed, "league-table.approval-before-close",
                "the league table of campaign " + launched.campaignId() + " is approved only after the close");
        require(!approved, "league-table.already-approved",
                "the league table of campaign " + launched.campaignId() + " was already approved");
        require(cmd.meetingDate() != null, "league-table.no-meeting-date", "the meeting's date is required");
        require(!cmd.meetingDate().isAfter(LocalDate.ofInstant(clock.instant(), Deadlines.ZONE)),
                "league-table.meeting-in-future", "the meeting date " + cmd.meetingDate() + " is in the future");
        require(cmd.provisionalUnits() == null || cmd.provisionalUnits().isEmpty(), "league-table.provisional-rows",
                "the table still has provisional rows (" + String.join(", ",
                        cmd.provisionalUnits() == null ? List.of() : cmd.provisionalUnits())
                        + "): every report must be verified before the meeting approves it");
        require(cmd.rows() != null && !cmd.rows().isEmpty(), "league-table.empty", "the table has no row");
        apply(new LeagueTableApproved(cmd.campaignId(), cmd.approvalId(), cmd.meetingDate(), cmd.note(),
                cmd.rulesVersion(), cmd.position(), List.copyOf(cmd.rows())));
    }

    private boolean isMember(String unitCode) {
        return unitCode != null && launched.members().stream().anyMatch(m -> m.code().equals(unitCode));
    }

    private void requireOpen() {
        require(!closed, "campaign.closed", "campaign " + launched.campaignId() + " is closed");
    }

    private static ScoringRules canonical(ScoringRules r) {
        return new ScoringRules(r.version(), r.method(), Values.canonical(r.cap()), Values.canonical(r.latePenalty()),
                Values.canonical(r.missingPenalty()), Values.canonical(r.rejectedPenalty()));
    }

    private static List<Content> canonical(List<Content> contents) {
        return contents.stream().map(c -> new Content(c.code(), c.title(), c.indicators().stream()
                .map(i -> new Indicator(i.code(), i.title(), i.unit(), i.kind(), CampaignDefinitionRules.directionOf(i),
                        Values.canonical(i.floor()), Values.canonical(i.weight()), Values.canonical(i.pointsPerItem()),
                        Values.canonical(i.min()), Values.canonical(i.max())))
                .toList())).toList();
    }

    @EventSourcingHandler
    void on(CampaignLaunched event) {
        this.id = StreamIds.campaign(event.campaignId());
        this.launched = event;
        this.rulesVersion = event.scoringRules().version();
    }

    @EventSourcingHandler
    void on(ScoringRulesPublished event) {
        this.rulesVersion = event.rules().version();
    }

    @EventSourcingHandler
    void on(CampaignClosed event) {
        this.closed = true;
    }

    @EventSourcingHandler
    void on(InspectionAssigned event) {
        inspectionIds.add(event.inspectionId());
    }

    @EventSourcingHandler
    void on(LeagueTableApproved event) {
        this.approved = true;
    }
}
