package vn.thidua.domain.commendation;

public record CommendationApproved(String commendationId, String campaignId, String unitCode, String comment) implements CommendationEvent {
}
