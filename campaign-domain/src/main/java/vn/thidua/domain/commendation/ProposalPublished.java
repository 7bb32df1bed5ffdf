package vn.thidua.domain.commendation;

import java.time.Instant;

/** The proposal was published for comments (công khai) until {@code noticeEndsAt}. */
public record ProposalPublished(String commendationId, String campaignId, String unitCode, Instant noticeEndsAt)
        implements CommendationEvent {
}
