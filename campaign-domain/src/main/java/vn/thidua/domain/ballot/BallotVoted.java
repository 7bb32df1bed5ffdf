package vn.thidua.domain.ballot;

/** A unit has voted (turnout is public). How it voted is not here, nor anywhere linked to it. */
public record BallotVoted(String ballotId, String unitCode) implements BallotEvent {
}
