package vn.thidua.domain.commendation;

public record CommendationRejected(String commendationId, String campaignId, String unitCode, String comment) implements CommendationEvent {
}
