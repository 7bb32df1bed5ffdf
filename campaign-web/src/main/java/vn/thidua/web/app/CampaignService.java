package vn.thidua.web.app;

import org.springframework.stereotype.Service;
import vn.thidua.command.support.CampaignTermsLookup;
import vn.thidua.domain.campaign.ApproveLeagueTable;
import vn.thidua.domain.campaign.AssignInspection;
import vn.thidua.domain.campaign.CloseCampaign;
import vn.thidua.domain.campaign.Inspection;
import vn.thidua.domain.scoring.LeagueRow;
import vn.thidua.query.league.LeagueTableQueries;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.thidua.domain.campaign.LaunchCampaign;
import vn.thidua.domain.campaign.PublishScoringRules;
import vn.thidua.domain.campaign.ScoringRules;
import vn.thidua.domain.shared.Outcome;
import vn.thidua.web.security.Permissions;

/**
 * A campaign's life: launched by the head of its cluster, new scoring-rule versions, inspection teams, the close,
 * the meeting's approval of the table.
 */
@Service
public class CampaignService {
    private final CommandSender commands;
    private final Permissions permissions;
    private final CampaignTermsLookup campaigns;
    private final LeagueTableQueries leagueTables;

    public CampaignService(CommandSender commands, Permissions permissions, CampaignTermsLookup campaigns,
                           LeagueTableQueries leagueTables) {
        this.commands = commands;
        this.leagueTables = leagueTables;
        this.permissions = permissions;
        this.campaigns = campaigns;
    }

    /** By the cluster head naming its own unit as the campaign's head; CREATED, or UNCHANGED for a repeat. */
    public Dispatched<Outcome> launch(Caller caller, LaunchCampaign launch) {
        return commands.send(permissions.headOf(caller.user(), launch.headUnit()), caller, launch);
    }

    public Dispatched<Outcome> publishRules(Caller caller, String campaignId, ScoringRules rules) {
        return commands.send(headOf(caller, campaignId), caller, new PublishScoringRules(campaignId, rules));
    }

    public Dispatched<Outcome> close(Caller caller, String campaignId) {
        return commands.send(headOf(caller, campaignId), caller, new CloseCampaign(campaignId));
    }

    /** The head sends an inspection team; answers the new inspection's id. */
    public Dispatched<String> assignInspection(Caller caller, String campaignId, String periodCode,
                                               String inspectorUnit, List<String> inspectedUnits) {
        String id = UUID.randomUUID().toString();
        Dispatched<Outcome> sent = commands.send(headOf(caller, campaignId), caller,
                new AssignInspection(campaignId, id, periodCode, inspectorUnit, inspectedUnits));
        return new Dispatched<>(id, sent.notCaughtUp());
    }

    public List<Inspection> inspections(String campaignId) {
        return campaigns.require(campaignId).inspections();
    }

    /** What the head's approval recorded: its id, the rule version and the event position of the table. */
    public record Approval(String approvalId, int rulesVersion, long position) {
    }

    /**
     * The cluster meeting's approval of the table as it stands after the close, computed here from the events (no
     * projection lag) and recorded with its rows; the campaign refuses it while a row is provisional or twice.
     */
    public Dispatched<Approval> approveTable(Caller caller, String campaignId, LocalDate meetingDate, String note) {
        var actor = headOf(caller, campaignId);
        LeagueTableQueries.Draft draft = leagueTables.approvalDraft(campaignId);
        List<String> provisional = draft.table().rows().stream().filter(LeagueRow::provisional)
                .map(LeagueRow::unitCode).toList();
        String id = UUID.randomUUID().toString();
        Dispatched<Outcome> sent = commands.send(actor, caller, new ApproveLeagueTable(campaignId, id, meetingDate,
                note, draft.table().rulesVersion(), draft.position(), draft.table().rows(), provisional));
        return new Dispatched<>(new Approval(id, draft.table().rulesVersion(), draft.position()), sent.notCaughtUp());
    }

    private vn.thidua.web.security.Actor headOf(Caller caller, String campaignId) {
        return permissions.headOf(caller.user(), campaigns.require(campaignId).headUnit());
    }
}
