package vn.thidua.domain.commendation;

public record RejectCommendation(String commendationId, String comment) implements CommendationCommand {
}
