package vn.thidua.domain.commendation;

import vn.thidua.domain.shared.FreeText;

/** Anyone signed in comments on a proposal while its notice is open. */
public record CommentOnProposal(String commendationId, String commentId, @FreeText String text, String author)
        implements CommendationCommand {
}
