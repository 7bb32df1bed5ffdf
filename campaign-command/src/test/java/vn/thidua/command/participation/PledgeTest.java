package vn.thidua.command.participation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.participation.PledgeRevised;
import vn.thidua.domain.participation.PledgeSubmitted;
import vn.thidua.domain.participation.SubmitPledge;
import vn.thidua.domain.shared.InvalidValue;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.domain.shared.RuleViolation;

import java.math.BigDecimal;
import java.util.Map;

import static vn.thidua.command.participation.ParticipationFixture.participationId;
import static vn.thidua.command.testsupport.Refusals.invalid;
import static vn.thidua.command.testsupport.Refusals.notFound;
import static vn.thidua.command.testsupport.Refusals.violates;
import static vn.thidua.command.testsupport.SampleCampaign.CAMPAIGN;
import static vn.thidua.command.testsupport.SampleCampaign.HEAD;
import static vn.thidua.command.testsupport.SampleCampaign.MODEL;
import static vn.thidua.command.testsupport.SampleCampaign.NTM;
import static vn.thidua.command.testsupport.SampleCampaign.OUTSIDER;
import static vn.thidua.command.testsupport.SampleCampaign.POOR;
import static vn.thidua.command.testsupport.SampleCampaign.REV;
import static vn.thidua.command.testsupport.SampleCampaign.U2;
import static vn.thidua.command.testsupport.SampleCampaign.closedTerms;
import static vn.thidua.command.testsupport.SampleCampaign.validTargets;
import static vn.thidua.command.testsupport.SampleCampaign.values;
import static vn.thidua.command.testsupport.SampleCampaign.with;
import static vn.thidua.command.testsupport.SampleCampaign.without;

@DisplayName("Participation: the pledge (đăng ký thi đua) and its revisions")
class PledgeTest extends ParticipationTestBase {
    PledgeTest() {
        super("2025-03-15T10:00");
    }

    private static SubmitPledge pledge(Map<String, BigDecimal> targets) {
        return new SubmitPledge(CAMPAIGN, U2, targets);
    }

    private static PledgeSubmitted pledged(Map<String, BigDecimal> targets) {
        return new PledgeSubmitted(PID, CAMPAIGN, U2, targets);
    }

    @Test
    void aFirstPledgeIsSubmitted() {
        fixture.givenNoPriorActivity()
                .when(pledge(validTargets()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(pledged(validTargets()));
    }

    @Test
    void aPledgeIsStoredInCanonicalForm() {
        fixture.givenNoPriorActivity()
                .when(pledge(values("110.00", "4.0", "1", "5")))
                .expectEvents(pledged(values("110", "4", "1", "5")));
    }

    @Test
    void aChangedPledgeIsARevisionCarryingThePreviousTargets() {
        fixture.given(pledged(validTargets()))
                .when(pledge(with(validTargets(), REV, "130")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PledgeRevised(PID, CAMPAIGN, U2, with(validTargets(), REV, "130"), validTargets()));
    }

    @Test
    void anIdenticalPledgeRecordsNothing() {
        fixture.given(pledged(validTargets()))
                .when(pledge(validTargets()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theSameNumberWithTrailingZerosIsIdentical() {
        fixture.given(pledged(validTargets()))
                .when(pledge(with(validTargets(), REV, "110.00")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPledgeMissingAnIndicatorIsIncomplete() {
        fixture.givenNoPriorActivity()
                .when(pledge(without(validTargets(), MODEL)))
                .expectException(RuleViolation.class)
                .expectException(violates("pledge.incomplete"))
                .expectNoEvents();
    }

    @Test
    void aRevisionMissingAnIndicatorIsIncomplete() {
        fixture.given(pledged(validTargets()))
                .when(pledge(without(validTargets(), NTM)))
                .expectException(violates("pledge.incomplete"))
                .expectNoEvents();
    }

    @Test
    void aTargetExactlyAtTheFloorIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(pledge(with(validTargets(), REV, "100")))
                .expectEvents(pledged(with(validTargets(), REV, "100")));
    }

    @Test
    void aTargetBelowTheFloorIsRefused() {
        fixture.givenNoPriorActivity()
                .when(pledge(with(validTargets(), REV, "99.9")))
                .expectException(violates("pledge.below-floor"))
                .expectNoEvents();
    }

    @Test
    void whenLowerIsBetterTheFloorIsAMaximumAndATargetAtItIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(pledge(with(validTargets(), POOR, "5")))
                .expectEvents(pledged(with(validTargets(), POOR, "5")));
    }

    @Test
    void whenLowerIsBetterATargetBelowTheFloorIsMoreAmbitiousAndAccepted() {
        fixture.givenNoPriorActivity()
                .when(pledge(with(validTargets(), POOR, "0.5")))
                .expectEvents(pledged(with(validTargets(), POOR, "0.5")));
    }

    @Test
    void whenLowerIsBetterATargetAboveTheFloorIsRefused() {
        fixture.givenNoPriorActivity()
                .when(pledge(with(validTargets(), POOR, "5.1")))
                .expectException(violates("pledge.below-floor"))
                .expectNoEvents();
    }

    @Test
    void aPledgeAt2359LocalOnTheDeadlineDayIsAccepted() {
        setup.clock.setVietnamTime("2025-03-31T23:59:59");
        fixture.givenNoPriorActivity()
                .when(pledge(validTargets()))
                .expectEvents(pledged(validTargets()));
    }

    @Test
    void aPledgeAtMidnightLocalAfterTheDeadlineDayIsRefused() {
        setup.clock.setVietnamTime("2025-04-01T00:00");
        fixture.givenNoPriorActivity()
                .when(pledge(validTargets()))
                .expectException(violates("pledge.deadline-passed"))
                .expectNoEvents();
    }

    @Test
    void aRevisionAfterTheDeadlineIsRefused() {
        setup.clock.setVietnamTime("2025-04-01T00:00");
        fixture.given(pledged(validTargets()))
                .when(pledge(with(validTargets(), REV, "150")))
                .expectException(violates("pledge.deadline-passed"))
                .expectNoEvents();
    }

    @Test
    void aUnitOutsideTheClusterCannotPledge() {
        fixture.givenNoPriorActivity()
                .when(new SubmitPledge(CAMPAIGN, OUTSIDER, validTargets()))
                .expectException(violates("pledge.not-member"))
                .expectNoEvents();
    }

    @Test
    void theHeadUnitPledgesLikeAnyMember() {
        fixture.givenNoPriorActivity()
                .when(new SubmitPledge(CAMPAIGN, HEAD, validTargets()))
                .expectEvents(new PledgeSubmitted(participationId(HEAD), CAMPAIGN, HEAD, validTargets()));
    }

    @Test
    void noPledgeOnAClosedCampaign() {
        setup.campaigns.with(closedTerms());
        fixture.givenNoPriorActivity()
                .when(pledge(validTargets()))
                .expectException(violates("campaign.closed"))
                .expectNoEvents();
    }

    @Test
    void aYesNoIndicatorTakesOnlyOneOrZero() {
        fixture.givenNoPriorActivity()
                .when(pledge(with(validTargets(), NTM, "2")))
                .expectException(InvalidValue.class)
                .expectException(invalid("targets.NTM"))
                .expectNoEvents();
    }

    @Test
    void aYesNoIndicatorMayBePledgedAsNotAchieved() {
        fixture.givenNoPriorActivity()
                .when(pledge(with(validTargets(), NTM, "0")))
                .expectEvents(pledged(with(validTargets(), NTM, "0")));
    }

    @Test
    void aCountCannotBeNegative() {
        fixture.givenNoPriorActivity()
                .when(pledge(with(validTargets(), MODEL, "-1")))
                .expectException(invalid("targets.MODEL"))
                .expectNoEvents();
    }

    @Test
    void aCountIsAWholeNumber() {
        fixture.givenNoPriorActivity()
                .when(pledge(with(validTargets(), MODEL, "2.5")))
                .expectException(invalid("targets.MODEL"))
                .expectNoEvents();
    }

    @Test
    void aValueAtTheMaximumIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(pledge(with(validTargets(), MODEL, "20")))
                .expectEvents(pledged(with(validTargets(), MODEL, "20")));
    }

    @Test
    void aValueAboveTheMaximumIsInvalid() {
        fixture.givenNoPriorActivity()
                .when(pledge(with(validTargets(), MODEL, "21")))
                .expectException(invalid("targets.MODEL"))
                .expectNoEvents();
    }

    @Test
    void anUnknownIndicatorIsInvalid() {
        fixture.givenNoPriorActivity()
                .when(pledge(with(validTargets(), "GDP", "7")))
                .expectException(invalid("targets.GDP"))
                .expectNoEvents();
    }

    @Test
    void anEmptyPledgeIsInvalid() {
        fixture.givenNoPriorActivity()
                .when(pledge(Map.of()))
                .expectException(invalid("targets"))
                .expectNoEvents();
    }

    @Test
    void anUnknownCampaignIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new SubmitPledge("c404", U2, validTargets()))
                .expectException(NotFound.class)
                .expectException(notFound("campaign", "c404"))
                .expectNoEvents();
    }

    @Test
    void anIdenticalRetryAfterTheDeadlineRecordsNothingAndIsNotRefused() {
        setup.clock.setVietnamTime("2025-04-01T00:00");
        fixture.given(pledged(validTargets()))
                .when(pledge(validTargets()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
