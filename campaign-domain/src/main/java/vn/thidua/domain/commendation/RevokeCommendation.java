package vn.thidua.domain.commendation;

public record RevokeCommendation(String commendationId, String reason) implements CommendationCommand {
}
