package vn.thidua.web.api;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.domain.ballot.Candidate;
import vn.thidua.query.ballot.BallotView;
import vn.thidua.web.app.BallotService;
import vn.thidua.web.app.Caller;
import vn.thidua.web.app.Consistency;
import vn.thidua.query.ballot.BallotProjection;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Secret ballots on the wire (API.md, "Ballots"). A vote's answer says only that it was counted. */
@RestController
public class BallotController {
    private final BallotService service;

    public BallotController(BallotService service) {
        this.service = service;
    }

    @PostMapping("/api/v1/campaigns/{campaignId}/ballots")
    public ResponseEntity<Map<String, String>> open(Caller caller, @PathVariable String campaignId,
                                                    @Valid @RequestBody Bodies.BallotOpening body) {
        String id = service.open(caller, campaignId, body.ballotId(), body.title(), body.closesAt(),
                body.candidates().stream().map(c -> new Candidate(c.unitCode(), c.award())).toList());
        return ResponseEntity.created(URI.create("/api/v1/ballots/" + id)).body(Map.of("ballotId", id));
    }

    @PostMapping("/api/v1/ballots/{ballotId}/votes")
    public ResponseEntity<Map<String, String>> vote(Caller caller, @PathVariable String ballotId,
                                                    @Valid @RequestBody Bodies.Vote body) {
        var sent = service.vote(caller, ballotId, body.choices());
        return Callers.answer(ResponseEntity.created(URI.create("/api/v1/ballots/" + ballotId)),
                Map.of("ballotId", ballotId), sent);
    }

    @PostMapping("/api/v1/ballots/{ballotId}/close")
    public ResponseEntity<BallotView> close(Caller caller, @PathVariable String ballotId) {
        // the answer shows the closed ballot: wait for the ballots read model unless the caller waits already
        var sent = service.close(caller.consistency().await() ? caller
                : caller.waiting(Consistency.of(BallotProjection.GROUP)), ballotId);
        return Callers.answer(ResponseEntity.ok(), service.get(ballotId), sent);
    }

    @GetMapping("/api/v1/ballots/{ballotId}")
    public BallotView get(@PathVariable String ballotId) {
        return service.get(ballotId);
    }

    @GetMapping("/api/v1/campaigns/{campaignId}/ballots")
    public List<BallotView> ofCampaign(@PathVariable String campaignId) {
        return service.ofCampaign(campaignId);
    }
}
