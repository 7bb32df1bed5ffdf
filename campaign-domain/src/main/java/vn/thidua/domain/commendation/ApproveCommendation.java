package vn.thidua.domain.commendation;

public record ApproveCommendation(String commendationId, String comment) implements CommendationCommand {
}
