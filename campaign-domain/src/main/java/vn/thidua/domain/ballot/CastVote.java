package vn.thidua.domain.ballot;

import java.util.Map;

/**
 * A member unit casts its one vote: a choice per candidate, keyed by {@link Candidate#key()}. The choices are checked
 * here and then leave the command: the event records only that the unit voted, and the choices go into the ballot
 * box, unlinked (README, "Secret ballot: threat model").
 */
public record CastVote(String ballotId, String unitCode, Map<String, String> choices) implements BallotCommand {
}
