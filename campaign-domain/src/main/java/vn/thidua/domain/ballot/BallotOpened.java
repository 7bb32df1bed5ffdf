package vn.thidua.domain.ballot;

import java.time.Instant;
import java.util.List;

/** A ballot opened on candidates; {@code eligible} are the member units, one vote each. */
public record BallotOpened(String ballotId, String campaignId, String title, Instant closesAt,
                           List<Candidate> candidates, List<String> eligible) implements BallotEvent {
}
