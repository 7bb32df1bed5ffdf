package vn.thidua.domain.commendation;

/**
 * Recorded right after {@link CommendationProposed} when the proposal's ballot is the tally of a closed ballot held
 * in the app ({@code ballotId}) rather than a paper ballot's typed numbers. A new event, so that the proposal's
 * stored form stays as it always was.
 */
public record ProposalCitedBallot(String commendationId, String campaignId, String unitCode, String ballotId)
        implements CommendationEvent {
}
