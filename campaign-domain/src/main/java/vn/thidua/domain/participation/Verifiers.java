package vn.thidua.domain.participation;

import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.shared.Role;

/**
 * Who may verify a report of a campaign: the provincial board, or the campaign's cluster head. The participation
 * decides with this rule; the verification queue uses it to show each verifier only what it may verify.
 */
public final class Verifiers {
    private Verifiers() {
    }

    public static boolean mayVerify(CampaignTerms terms, Role role, String verifierUnit) {
        return role == Role.BOARD || (role == Role.CLUSTER_HEAD && terms.headUnit().equals(verifierUnit));
    }
}
