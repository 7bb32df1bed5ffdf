package vn.thidua.domain.commendation;

/** A comment on a published proposal, by anyone signed in; {@code author} is how the commenter signs it. */
public record ProposalCommented(String commendationId, String campaignId, String unitCode, String commentId,
                                String text, String author) implements CommendationEvent {
}
