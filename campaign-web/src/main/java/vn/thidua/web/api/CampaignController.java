package vn.thidua.web.api;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.domain.campaign.LaunchCampaign;
import vn.thidua.domain.shared.Outcome;
import vn.thidua.web.app.Caller;
import vn.thidua.web.app.CampaignService;
import vn.thidua.web.app.Dispatched;

import java.net.URI;
import java.util.List;

/** Campaigns on the wire: launch, list and read, new scoring-rule versions, close. */
@RestController
@RequestMapping("/api/v1/campaigns")
public class CampaignController {
    private final CampaignService service;
    private final Campaigns campaigns;

    public CampaignController(CampaignService service, Campaigns campaigns) {
        this.service = service;
        this.campaigns = campaigns;
    }

    @PostMapping
    public ResponseEntity<CampaignView> launch(Caller caller, @Valid @RequestBody Bodies.Campaign body) {
        LaunchCampaign launch = body.toCommand();
        String id = launch.campaignId();
        Dispatched<Outcome> sent = service.launch(caller, launch);
        return Callers.answer(sent.result() == Outcome.CREATED
                ? ResponseEntity.created(URI.create("/api/v1/campaigns/" + id)) : ResponseEntity.ok(), get(id), sent);
    }

    @GetMapping
    public List<CampaignView> list() {
        return campaigns.all().stream().map(CampaignView::of).toList();
    }

    @GetMapping("/{campaignId}")
    public CampaignView get(@PathVariable String campaignId) {
        return CampaignView.of(campaigns.require(campaignId));
    }

    @PostMapping("/{campaignId}/scoring-rules")
    public ResponseEntity<CampaignView> publishRules(Caller caller, @PathVariable String campaignId,
                                                     @Valid @RequestBody Bodies.Rules body) {
        Dispatched<Outcome> sent = service.publishRules(caller, campaignId, body.toRules());
        return Callers.answer(ResponseEntity.created(URI.create("/api/v1/campaigns/" + campaignId)),
                get(campaignId), sent);
    }

    @PostMapping("/{campaignId}/close")
    public ResponseEntity<CampaignView> close(Caller caller, @PathVariable String campaignId) {
        Dispatched<Outcome> sent = service.close(caller, campaignId);
        return Callers.answer(ResponseEntity.ok(), get(campaignId), sent);
    }
}
