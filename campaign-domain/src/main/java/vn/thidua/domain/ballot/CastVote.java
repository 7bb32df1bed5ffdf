package vn.thidua.domain.ballot;

import java.util.Map;

/**
 * A member unit casts its one vote: a choice per candidate, keyed by {@link Candidate#key()}. The choices are checked
 * by the ballot and then leave the command: the event records only that the unit voted, and the choices go into the
 * ballot box, unlinked (README, "Secret ballot: threat model").
 */
public record CastVote(String ballotId, String unitCode, Map<String, String> choices) implements BallotCommand {

    /** Without the choices: a framework that logs a command (at any level, or in an exception) never logs a vote. */
    @Override
    public String toString() {
        return "CastVote[ballotId=" + ballotId + ", unitCode=" + unitCode + ", choices=(secret)]";
    }
}
