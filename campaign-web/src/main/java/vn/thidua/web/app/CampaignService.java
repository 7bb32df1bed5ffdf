package vn.thidua.web.app;

import org.springframework.stereotype.Service;
import vn.thidua.command.support.CampaignTermsLookup;
import vn.thidua.domain.campaign.CloseCampaign;
import vn.thidua.domain.campaign.LaunchCampaign;
import vn.thidua.domain.campaign.PublishScoringRules;
import vn.thidua.domain.campaign.ScoringRules;
import vn.thidua.domain.shared.Outcome;
import vn.thidua.web.security.Permissions;

/** A campaign's life: launched by the head of its cluster, new scoring-rule versions, the close. */
@Service
public class CampaignService {
    private final CommandSender commands;
    private final Permissions permissions;
    private final CampaignTermsLookup campaigns;

    public CampaignService(CommandSender commands, Permissions permissions, CampaignTermsLookup campaigns) {
        this.commands = commands;
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

    private vn.thidua.web.security.Actor headOf(Caller caller, String campaignId) {
        return permissions.headOf(caller.user(), campaigns.require(campaignId).headUnit());
    }
}
