package vn.thidua.domain.ballot;

import vn.thidua.domain.shared.FreeText;

import java.time.Instant;
import java.util.List;

/** The cluster head opens a secret ballot on candidates after the campaign closes; it closes by {@code closesAt}. */
public record OpenBallot(String ballotId, String campaignId, @FreeText String title, Instant closesAt,
                         List<Candidate> candidates) implements BallotCommand {
}
