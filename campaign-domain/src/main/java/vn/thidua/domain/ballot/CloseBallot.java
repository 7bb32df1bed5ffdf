package vn.thidua.domain.ballot;

import java.util.List;
import java.util.Map;

/**
 * Closes a ballot with the anonymous ballots taken from the ballot box, in random order; each is one unit's choices
 * keyed by {@link Candidate#key()}, with nothing that names the unit.
 */
public record CloseBallot(String ballotId, List<Map<String, Choice>> ballots) implements BallotCommand {
}
