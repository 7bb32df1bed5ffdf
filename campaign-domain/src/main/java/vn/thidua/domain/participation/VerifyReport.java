package vn.thidua.domain.participation;

import vn.thidua.domain.shared.FreeText;

import vn.thidua.domain.shared.Role;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The cluster head (cross-inspection) or the provincial board verifies or rejects a period report.
 * {@code verifiedValues} may fix some values; they then count instead of the self-reported ones.
 * {@code verifierRole} and {@code verifierUnit} say who verifies: never the reporting unit itself. Every value
 * fixed to differ from the reported one needs its reason in {@code reasons}, by indicator code.
 */
public record VerifyReport(String campaignId, String unitCode, String periodCode, Verdict verdict, @FreeText String comment,
                           Map<String, BigDecimal> verifiedValues, Role verifierRole, String verifierUnit,
                           @FreeText Map<String, String> reasons) implements ParticipationCommand {

    /** A verification that changes no value, so needs no reasons. */
    public VerifyReport(String campaignId, String unitCode, String periodCode, Verdict verdict, String comment,
                        Map<String, BigDecimal> verifiedValues, Role verifierRole, String verifierUnit) {
        this(campaignId, unitCode, periodCode, verdict, comment, verifiedValues, verifierRole, verifierUnit, Map.of());
    }
}
