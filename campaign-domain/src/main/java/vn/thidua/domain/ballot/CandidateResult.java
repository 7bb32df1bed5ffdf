package vn.thidua.domain.ballot;

import vn.thidua.domain.commendation.Award;
import vn.thidua.domain.commendation.Ballot;

/** The tally of one candidate: votes for, against, abstentions, and the ballots cast. */
public record CandidateResult(String unitCode, Award award, int inFavour, int against, int abstain, int cast) {

    /** The tally in the form a commendation proposal cites. */
    public Ballot asBallot() {
        return new Ballot(inFavour, against, cast);
    }
}
