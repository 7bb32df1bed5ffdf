package vn.thidua.domain.participation;

import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.shared.Role;

/**
 * Who may verify a report of a campaign: the provincial board, the campaign's cluster head, or an officer (or head)
 * of a unit the cluster head sent to inspect that unit for that period (cross-inspection). Never the reporting unit
 * itself. The participation decides with this rule; the verification queue uses it to show each verifier only what
 * it may verify.
 */
public final class Verifiers {
    private Verifiers() {
    }

    public static boolean mayVerify(CampaignTerms terms, Role role, String verifierUnit, String unitCode,
                                    String periodCode) {
        if (role == Role.BOARD || (role == Role.CLUSTER_HEAD && terms.headUnit().equals(verifierUnit))) {
            return true;
        }
        return (role == Role.UNIT_OFFICER || role == Role.CLUSTER_HEAD)
                && !unitCode.equals(verifierUnit) && terms.inspects(verifierUnit, unitCode, periodCode);
    }
}
