package vn.thidua.domain.commendation;

import vn.thidua.domain.shared.FreeText;

public record ApproveCommendation(String commendationId, @FreeText String comment) implements CommendationCommand {
}
