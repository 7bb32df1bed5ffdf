package vn.thidua.domain.participation;

import vn.thidua.domain.shared.FreeText;

/**
 * The unit that attached a file withdraws it, with a reason, before its report is verified. The file stays
 * readable, marked withdrawn. {@code withdrawerUnit} is the unit the caller acts for.
 */
public record WithdrawEvidence(String campaignId, String unitCode, String evidenceId, @FreeText String reason,
                               String withdrawerUnit) implements ParticipationCommand {
}
