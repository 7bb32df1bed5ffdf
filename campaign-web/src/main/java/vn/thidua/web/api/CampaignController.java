package vn.thidua.web.api;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.command.support.CampaignTermsLookup;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.campaign.CloseCampaign;
import vn.thidua.domain.campaign.LaunchCampaign;
import vn.thidua.domain.campaign.PublishScoringRules;
import vn.thidua.domain.shared.Outcome;
import vn.thidua.web.security.AppUser;
import vn.thidua.web.security.Permissions;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/campaigns")
public class CampaignController {
    private final CommandSender commands;
    private final CampaignTermsLookup campaigns;
    private final Permissions permissions;
    private final Campaigns all;

    public CampaignController(CommandSender commands, CampaignTermsLookup campaigns, Permissions permissions,
                              Campaigns all) {
        this.commands = commands;
        this.campaigns = campaigns;
        this.permissions = permissions;
        this.all = all;
    }

    @PostMapping
    public ResponseEntity<CampaignView> launch(@AuthenticationPrincipal AppUser user,
                                               @Valid @RequestBody Bodies.Campaign body) {
        var actor = permissions.headOf(user, body.headUnit());
        String id = body.campaignId() != null ? body.campaignId() : UUID.randomUUID().toString();
        Outcome outcome = commands.send(actor, new LaunchCampaign(id, body.clusterCode(), body.year(), body.title(),
                body.headUnit(), body.pledgeDeadline(),
                body.periods().stream().map(Bodies.PeriodBody::toPeriod).toList(),
                body.contents().stream().map(Bodies.ContentBody::toContent).toList(),
                body.scoringRules() == null ? null : body.scoringRules().toRules()));
        CampaignView view = get(id);
        return outcome == Outcome.CREATED
                ? ResponseEntity.created(URI.create("/api/v1/campaigns/" + id)).body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping
    public List<CampaignView> list() {
        return all.all().stream().map(CampaignView::of).toList();
    }

    @GetMapping("/{campaignId}")
    public CampaignView get(@PathVariable String campaignId) {
        return CampaignView.of(campaigns.require(campaignId));
    }

    @PostMapping("/{campaignId}/scoring-rules")
    public ResponseEntity<CampaignView> publishRules(@AuthenticationPrincipal AppUser user,
                                                     @PathVariable String campaignId,
                                                     @Valid @RequestBody Bodies.Rules body) {
        CampaignTerms terms = campaigns.require(campaignId);
        var actor = permissions.headOf(user, terms.headUnit());
        commands.send(actor, new PublishScoringRules(campaignId, body.toRules()));
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + campaignId)).body(get(campaignId));
    }

    @PostMapping("/{campaignId}/close")
    public CampaignView close(@AuthenticationPrincipal AppUser user, @PathVariable String campaignId) {
        CampaignTerms terms = campaigns.require(campaignId);
        var actor = permissions.headOf(user, terms.headUnit());
        commands.send(actor, new CloseCampaign(campaignId));
        return get(campaignId);
    }
}
