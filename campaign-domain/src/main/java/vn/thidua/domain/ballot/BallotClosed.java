package vn.thidua.domain.ballot;

import java.util.List;
import java.util.Map;

/**
 * The ballot closed: the tally per candidate and the anonymous ballots it was counted from, in random order, with no
 * id, time or position that could link one of them to a voter.
 */
public record BallotClosed(String ballotId, String campaignId, List<CandidateResult> results,
                           List<Map<String, Choice>> ballots) implements BallotEvent {
}
