package vn.thidua.domain.ballot;

/** An event of a ballot's stream. None of them links a unit to its choices (README, "Secret ballot"). */
public interface BallotEvent {
    String ballotId();
}
