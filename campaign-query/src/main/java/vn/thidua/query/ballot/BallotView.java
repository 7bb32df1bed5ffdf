package vn.thidua.query.ballot;

import vn.thidua.domain.ballot.Candidate;
import vn.thidua.domain.ballot.CandidateResult;

import java.time.Instant;
import java.util.List;

/** A ballot as everyone may see it: who may vote, who has voted, and the tally once closed (null while open). */
public record BallotView(String ballotId, String campaignId, String title, String status, Instant closesAt,
                         List<Candidate> candidates, List<String> eligible, List<String> voted,
                         List<CandidateResult> results) {
    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";

    public boolean open() {
        return OPEN.equals(status);
    }

    public boolean hasVoted(String unitCode) {
        return voted.contains(unitCode);
    }
}
