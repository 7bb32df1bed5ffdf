package vn.thidua.domain.commendation;

import vn.thidua.domain.shared.FreeText;

/** The cluster head answers a comment on a proposal. */
public record AnswerComment(String commendationId, String commentId, @FreeText String text)
        implements CommendationCommand {
}
