package vn.thidua.web.api;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.domain.commendation.Ballot;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.web.app.Caller;
import vn.thidua.web.app.CommendationService;

import java.net.URI;
import java.util.List;

/** Commendations on the wire: proposed by the cluster head, decided and conferred by the board. */
@RestController
public class CommendationController {
    private final CommendationService service;

    public CommendationController(CommendationService service) {
        this.service = service;
    }

    @PostMapping("/api/v1/campaigns/{campaignId}/commendations")
    public ResponseEntity<CommendationView> propose(Caller caller, @PathVariable String campaignId,
                                                    @Valid @RequestBody Bodies.Proposal body) {
        Ballot typed = body.ballot() == null ? null
                : new Ballot(body.ballot().inFavour(), body.ballot().against(), body.ballot().cast());
        String id = service.propose(caller, campaignId, body.unitCode(), body.award(), body.rationale(), typed,
                body.ballotId());
        return ResponseEntity.created(URI.create("/api/v1/commendations/" + id)).body(get(id));
    }

    @PostMapping("/api/v1/commendations/{id}/approval")
    public CommendationView approve(Caller caller, @PathVariable String id,
                                    @Valid @RequestBody(required = false) Bodies.Comment body) {
        service.approve(caller, id, body == null ? null : body.comment());
        return get(id);
    }

    @PostMapping("/api/v1/commendations/{id}/rejection")
    public CommendationView reject(Caller caller, @PathVariable String id,
                                   @Valid @RequestBody(required = false) Bodies.Comment body) {
        service.reject(caller, id, body == null ? null : body.comment());
        return get(id);
    }

    @PostMapping("/api/v1/commendations/{id}/conferral")
    public CommendationView confer(Caller caller, @PathVariable String id, @Valid @RequestBody Bodies.Conferral body) {
        service.confer(caller, id, body.decisionNo(), body.decisionDate());
        return get(id);
    }

    @PostMapping("/api/v1/commendations/{id}/revocation")
    public CommendationView revoke(Caller caller, @PathVariable String id, @Valid @RequestBody Bodies.Revocation body) {
        service.revoke(caller, id, body.reason());
        return get(id);
    }

    @GetMapping("/api/v1/commendations/{id}")
    public CommendationView get(@PathVariable String id) {
        return service.find(id).orElseThrow(() -> new NotFound("commendation", id));
    }

    @GetMapping("/api/v1/campaigns/{campaignId}/commendations")
    public List<CommendationView> list(@PathVariable String campaignId) {
        return service.list(campaignId);
    }
}
