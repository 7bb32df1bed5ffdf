package vn.thidua.domain.commendation;

public record CommendationRevoked(String commendationId, String campaignId, String unitCode, String reason) implements CommendationEvent {
}
