package vn.thidua.domain.commendation;

import vn.thidua.domain.shared.FreeText;

public record RevokeCommendation(String commendationId, @FreeText String reason) implements CommendationCommand {
}
