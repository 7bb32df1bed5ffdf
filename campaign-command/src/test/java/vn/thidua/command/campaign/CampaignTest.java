package vn.thidua.command.campaign;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.thidua.command.support.StreamTargetResolver;
import vn.thidua.command.testsupport.FakeLookups;
import vn.thidua.command.testsupport.Fixtures;
import vn.thidua.domain.campaign.CampaignClosed;
import vn.thidua.domain.campaign.CampaignLaunched;
import vn.thidua.domain.campaign.CloseCampaign;
import vn.thidua.domain.campaign.Content;
import vn.thidua.domain.campaign.Direction;
import vn.thidua.domain.campaign.Indicator;
import vn.thidua.domain.campaign.IndicatorKind;
import vn.thidua.domain.campaign.Period;
import vn.thidua.domain.campaign.PublishScoringRules;
import vn.thidua.domain.campaign.ScoringMethod;
import vn.thidua.domain.campaign.ScoringRules;
import vn.thidua.domain.campaign.ScoringRulesPublished;
import vn.thidua.domain.cluster.ClusterRegistered;
import vn.thidua.domain.shared.RuleViolation;
import vn.thidua.domain.shared.UnitRef;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static vn.thidua.command.testsupport.Refusals.violates;
import static vn.thidua.command.testsupport.SampleCampaign.CAMPAIGN;
import static vn.thidua.command.testsupport.SampleCampaign.H1;
import static vn.thidua.command.testsupport.SampleCampaign.H1_DUE;
import static vn.thidua.command.testsupport.SampleCampaign.MEMBERS;
import static vn.thidua.command.testsupport.SampleCampaign.OUTSIDER;
import static vn.thidua.command.testsupport.SampleCampaign.U2;
import static vn.thidua.command.testsupport.SampleCampaign.YEAR_END;
import static vn.thidua.command.testsupport.SampleCampaign.YEAR_END_DUE;
import static vn.thidua.command.testsupport.SampleCampaign.cluster;
import static vn.thidua.command.testsupport.SampleCampaign.modelCommunes;
import static vn.thidua.command.testsupport.SampleCampaign.n;
import static vn.thidua.command.testsupport.SampleCampaign.newRural;
import static vn.thidua.command.testsupport.SampleCampaign.poverty;
import static vn.thidua.command.testsupport.SampleCampaign.revenue;
import static vn.thidua.command.testsupport.SampleCampaign.sample;

@DisplayName("Campaign: launch, scoring rule versions, close")
class CampaignTest {
    private AggregateTestFixture<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = Fixtures.campaign();
    }

    private static Matcher<Object> launchedWithMembers(List<UnitRef> members) {
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof CampaignLaunched e && e.members().equals(members);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("CampaignLaunched naming the members ").appendValue(members);
            }
        };
    }

    private static ScoringRules rulesV(int version) {
        return new ScoringRules(version, ScoringMethod.LEADER_INTERPOLATED, null, n("0.5"), n("1"), n("2"));
    }

    @Nested
    @DisplayName("launch")
    class Launch {
        @Test
        void launchesAndCarriesTheClusterMembersAsTheyStood() {
            // The command names no members: the event takes them from the registered cluster.
            fixture.givenNoPriorActivity()
                    .when(sample().launch())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(sample().launched())
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(launchedWithMembers(MEMBERS))));
        }

        @Test
        void aLaunchWithoutRulesGetsTheDefaultRuleSet() {
            fixture.givenNoPriorActivity()
                    .when(sample().rules(null).launch())
                    .expectEvents(sample().rules(ScoringRules.defaults()).launched());
        }

        @Test
        void numbersAreStoredCanonicallyAndQuantitativeIndicatorsGetADirection() {
            Indicator sloppy = new Indicator("REV", "Thu ngân sách", "tỷ đồng", IndicatorKind.QUANTITATIVE, null,
                    new BigDecimal("100.00"), new BigDecimal("10.0"), null, null, null);
            Content content = new Content("ND1", "Thứ nhất", List.of(sloppy));
            Indicator canonical = new Indicator("REV", "Thu ngân sách", "tỷ đồng", IndicatorKind.QUANTITATIVE,
                    Direction.HIGHER_IS_BETTER, n("100"), n("10"), null, null, null);
            fixture.givenNoPriorActivity()
                    .when(sample().contents(content).launch())
                    .expectEvents(sample().contents(new Content("ND1", "Thứ nhất", List.of(canonical))).launched());
        }

        @Test
        void refusesAnUnknownCluster() {
            fixture.givenNoPriorActivity()
                    .when(sample().clusterCode("CIX").launch())
                    .expectException(RuleViolation.class)
                    .expectException(violates("campaign.unknown-cluster"))
                    .expectNoEvents();
        }

        @Test
        void refusesAHeadThatIsNotAMember() {
            fixture.givenNoPriorActivity()
                    .when(sample().headUnit(OUTSIDER).launch())
                    .expectException(violates("campaign.head-not-member"))
                    .expectNoEvents();
        }

        @Test
        void refusesAHeadOtherThanTheClustersRegisteredHead() {
            // U2 is a member, but the cluster registered U1 as its head: U2's head may not launch in its name.
            fixture.givenNoPriorActivity()
                    .when(sample().headUnit(U2).launch())
                    .expectException(RuleViolation.class)
                    .expectException(violates("campaign.head-not-cluster-head"))
                    .expectNoEvents();
        }

        @Test
        void aClusterWithoutARegisteredHeadTakesAnyMemberAsHead() {
            AggregateTestFixture<Campaign> open = new AggregateTestFixture<>(Campaign.class);
            open.registerCommandTargetResolver(new StreamTargetResolver());
            ClusterRegistered headless = new ClusterRegistered(cluster().clusterCode(), cluster().name(), MEMBERS,
                    null);
            open.registerInjectableResource(new FakeLookups().with(headless));
            open.givenNoPriorActivity()
                    .when(sample().headUnit(U2).launch())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(sample().headUnit(U2).launched());
        }

        @Test
        void refusesDuplicateContentCodes() {
            fixture.givenNoPriorActivity()
                    .when(sample().contents(
                            new Content("ND1", "Thứ nhất", List.of(revenue())),
                            new Content("ND1", "Thứ hai", List.of(poverty()))).launch())
                    .expectException(violates("campaign.duplicate-content"))
                    .expectNoEvents();
        }

        @Test
        void refusesDuplicateIndicatorCodesEvenAcrossContents() {
            fixture.givenNoPriorActivity()
                    .when(sample().contents(
                            new Content("ND1", "Thứ nhất", List.of(revenue(), poverty())),
                            new Content("ND2", "Thứ hai", List.of(newRural(), revenue()))).launch())
                    .expectException(violates("campaign.duplicate-indicator"))
                    .expectNoEvents();
        }

        @Test
        void refusesDuplicatePeriodCodes() {
            fixture.givenNoPriorActivity()
                    .when(sample().periods(
                            new Period(H1, "6 tháng đầu năm", H1_DUE),
                            new Period(H1, "Cả năm", YEAR_END_DUE)).launch())
                    .expectException(violates("campaign.duplicate-period"))
                    .expectNoEvents();
        }

        @Test
        void refusesANegativeWeight() {
            Indicator negative = new Indicator("REV", "Thu ngân sách", "tỷ đồng", IndicatorKind.QUANTITATIVE, null,
                    n("100"), n("-1"), null, null, null);
            fixture.givenNoPriorActivity()
                    .when(sample().contents(new Content("ND1", "Thứ nhất", List.of(negative))).launch())
                    .expectException(violates("campaign.negative-weight"))
                    .expectNoEvents();
        }

        @Test
        void acceptsAZeroWeight() {
            Indicator zero = new Indicator("REV", "Thu ngân sách", "tỷ đồng", IndicatorKind.QUANTITATIVE,
                    Direction.HIGHER_IS_BETTER, n("100"), n("0"), null, null, null);
            Content content = new Content("ND1", "Thứ nhất", List.of(zero, modelCommunes()));
            fixture.givenNoPriorActivity()
                    .when(sample().contents(content).launch())
                    .expectEvents(sample().contents(content).launched());
        }

        @Test
        void acceptsAPledgeDeadlineTheDayBeforeTheLastDueDate() {
            fixture.givenNoPriorActivity()
                    .when(sample().pledgeDeadline(YEAR_END_DUE.minusDays(1)).launch())
                    .expectEvents(sample().pledgeDeadline(YEAR_END_DUE.minusDays(1)).launched());
        }

        @Test
        void refusesAPledgeDeadlineOnTheLastPeriodsDueDate() {
            fixture.givenNoPriorActivity()
                    .when(sample().pledgeDeadline(YEAR_END_DUE).launch())
                    .expectException(violates("campaign.pledge-deadline-after-last-period"))
                    .expectNoEvents();
        }

        @Test
        void refusesAPledgeDeadlineAfterTheLastPeriodsDueDate() {
            fixture.givenNoPriorActivity()
                    .when(sample().pledgeDeadline(LocalDate.of(2026, 1, 10)).launch())
                    .expectException(violates("campaign.pledge-deadline-after-last-period"))
                    .expectNoEvents();
        }

        @Test
        void theLastPeriodIsTheOneDueLatestNotTheOneListedLast() {
            // Periods listed out of order: the year-end one (due 15/12) comes first.
            fixture.givenNoPriorActivity()
                    .when(sample().pledgeDeadline(LocalDate.of(2025, 9, 1)).periods(
                            new Period(YEAR_END, "Cả năm", YEAR_END_DUE),
                            new Period(H1, "6 tháng đầu năm", H1_DUE)).launch())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void identicalRelaunchRecordsNothing() {
            fixture.given(sample().launched())
                    .when(sample().launch())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void differentRelaunchIsRefused() {
            fixture.given(sample().launched())
                    .when(sample().pledgeDeadline(LocalDate.of(2025, 4, 30)).launch())
                    .expectException(violates("campaign.exists"))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("scoring rules")
    class Rules {
        @Test
        void publishesAHigherVersion() {
            fixture.given(sample().launched())
                    .when(new PublishScoringRules(CAMPAIGN, rulesV(2)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ScoringRulesPublished(CAMPAIGN, rulesV(2)));
        }

        @Test
        void publishesAVersionAboveThePreviouslyPublishedOne() {
            fixture.given(sample().launched(), new ScoringRulesPublished(CAMPAIGN, rulesV(2)))
                    .when(new PublishScoringRules(CAMPAIGN, rulesV(5)))
                    .expectEvents(new ScoringRulesPublished(CAMPAIGN, rulesV(5)));
        }

        @Test
        void refusesTheSameVersion() {
            fixture.given(sample().launched())
                    .when(new PublishScoringRules(CAMPAIGN, rulesV(1)))
                    .expectException(violates("rules.version-not-increasing"))
                    .expectNoEvents();
        }

        @Test
        void refusesALowerVersionThanThePublishedOne() {
            fixture.given(sample().launched(), new ScoringRulesPublished(CAMPAIGN, rulesV(3)))
                    .when(new PublishScoringRules(CAMPAIGN, rulesV(2)))
                    .expectException(violates("rules.version-not-increasing"))
                    .expectNoEvents();
        }

        @Test
        void refusesRepublishingThePublishedVersion() {
            fixture.given(sample().launched(), new ScoringRulesPublished(CAMPAIGN, rulesV(3)))
                    .when(new PublishScoringRules(CAMPAIGN, rulesV(3)))
                    .expectException(violates("rules.version-not-increasing"))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("close")
    class Close {
        @Test
        void closesAnOpenCampaign() {
            fixture.given(sample().launched())
                    .when(new CloseCampaign(CAMPAIGN))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new CampaignClosed(CAMPAIGN));
        }

        @Test
        void refusesToPublishRulesAfterClose() {
            fixture.given(sample().launched(), new CampaignClosed(CAMPAIGN))
                    .when(new PublishScoringRules(CAMPAIGN, rulesV(2)))
                    .expectException(violates("campaign.closed"))
                    .expectNoEvents();
        }

        @Test
        void refusesToCloseTwice() {
            fixture.given(sample().launched(), new CampaignClosed(CAMPAIGN))
                    .when(new CloseCampaign(CAMPAIGN))
                    .expectException(violates("campaign.closed"))
                    .expectNoEvents();
        }
    }
}
