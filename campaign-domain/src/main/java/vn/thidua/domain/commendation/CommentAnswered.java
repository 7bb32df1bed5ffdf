package vn.thidua.domain.commendation;

/** The cluster head's answer to a comment on a proposal. */
public record CommentAnswered(String commendationId, String campaignId, String unitCode, String commentId,
                              String text) implements CommendationEvent {
}
