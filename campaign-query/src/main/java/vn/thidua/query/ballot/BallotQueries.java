package vn.thidua.query.ballot;

import org.springframework.stereotype.Component;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.query.projection.ProjectionStates;

import java.time.Instant;
import java.util.List;

/** Reads the ballots read model's serving generation. */
@Component
public class BallotQueries {
    private final BallotStore store;
    private final ProjectionStates states;

    public BallotQueries(BallotStore store, ProjectionStates states) {
        this.store = store;
        this.states = states;
    }

    public BallotView require(String ballotId) {
        return store.find(generation(), ballotId).orElseThrow(() -> new NotFound("ballot", ballotId));
    }

    public java.util.Optional<BallotView> find(String ballotId) {
        return store.find(generation(), ballotId);
    }

    public List<BallotView> ofCampaign(String campaignId) {
        return store.ofCampaign(generation(), campaignId);
    }

    /** Open ballots whose closing time has come. */
    public List<BallotView> due(Instant now) {
        return store.openDueBy(generation(), now);
    }

    private int generation() {
        return states.activeGeneration(BallotProjection.NAME);
    }
}
