package vn.thidua.web.app;

import vn.thidua.web.api.CommendationView;

import org.junit.jupiter.api.Test;
import vn.thidua.domain.commendation.Award;
import vn.thidua.domain.scoring.LeagueRow;
import vn.thidua.domain.shared.RuleViolation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ranking-based eligibility of a proposal, against the campaign's other commendations. */
class CommendationEligibilityTest {

    private static LeagueRow row(String unit, int rank, boolean provisional) {
        return new LeagueRow(rank, unit, unit, new BigDecimal("100"), provisional, Map.of(), Map.of(), BigDecimal.ZERO);
    }

    private static CommendationView commendation(String unit, Award award, String status) {
        return new CommendationView("c-" + unit + award, "camp", unit, award, "lý do", null, null, status, null, null,
                List.of());
    }

    private static void refusedBy(String rule, Award award, LeagueRow row, List<CommendationView> existing) {
        assertThatThrownBy(() -> CommendationService.checkEligibility(award, row, existing))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo(rule));
    }

    @Test
    void aFlagGoesOnlyToTheLeaderOfAFinalTable() {
        refusedBy("commendation.not-leading", Award.PROVINCIAL_FLAG, row("B", 2, false), List.of());
        refusedBy("commendation.provisional-ranking", Award.PROVINCIAL_FLAG, row("A", 1, true), List.of());
        assertThatCode(() -> CommendationService.checkEligibility(Award.PROVINCIAL_FLAG, row("A", 1, false),
                List.of())).doesNotThrowAnyException();
        assertThatCode(() -> CommendationService.checkEligibility(Award.CERTIFICATE, row("C", 5, true),
                List.of())).doesNotThrowAnyException();
    }

    @Test
    void theGovernmentFlagGoesToAtMostOneFifthOfTheProvincialFlagHoldersAndAtLeastOne() {
        List<CommendationView> twoHolders = List.of(commendation("A", Award.PROVINCIAL_FLAG, "APPROVED"),
                commendation("B", Award.PROVINCIAL_FLAG, "CONFERRED"),
                commendation("A", Award.GOVERNMENT_FLAG, "PROPOSED"));
        // Two holders (A and B tied first): 20% of 2 rounds down to 0, at least 1 — and A's proposal takes it.
        refusedBy("commendation.government-flag-quota", Award.GOVERNMENT_FLAG, row("B", 1, false), twoHolders);
        refusedBy("commendation.government-flag-needs-provincial-flag", Award.GOVERNMENT_FLAG, row("C", 1, false),
                twoHolders);
        List<CommendationView> rejected = List.of(commendation("A", Award.PROVINCIAL_FLAG, "APPROVED"),
                commendation("B", Award.PROVINCIAL_FLAG, "CONFERRED"),
                commendation("A", Award.GOVERNMENT_FLAG, "REJECTED"));
        assertThatCode(() -> CommendationService.checkEligibility(Award.GOVERNMENT_FLAG, row("B", 1, false),
                rejected)).doesNotThrowAnyException();
    }

    @Test
    void aStandingProposalIsNotMadeTwiceButARejectedOneMayBeRenewed() {
        refusedBy("commendation.already-proposed", Award.CERTIFICATE_OF_MERIT, row("A", 3, false),
                List.of(commendation("A", Award.CERTIFICATE_OF_MERIT, "PROPOSED")));
        assertThatCode(() -> CommendationService.checkEligibility(Award.CERTIFICATE_OF_MERIT, row("A", 3, false),
                List.of(commendation("A", Award.CERTIFICATE_OF_MERIT, "REJECTED")))).doesNotThrowAnyException();
    }
}
