package vn.thidua.command.campaign;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.thidua.command.support.AcceptableInputInterceptor;
import vn.thidua.command.testsupport.Fixtures;
import vn.thidua.domain.campaign.Content;
import vn.thidua.domain.campaign.Direction;
import vn.thidua.domain.campaign.Indicator;
import vn.thidua.domain.campaign.IndicatorKind;
import vn.thidua.domain.campaign.PublishScoringRules;
import vn.thidua.domain.campaign.ScoringMethod;
import vn.thidua.domain.campaign.ScoringRules;
import vn.thidua.domain.campaign.ScoringRulesPublished;

import java.math.BigDecimal;
import java.util.List;

import static vn.thidua.command.testsupport.Refusals.invalid;
import static vn.thidua.command.testsupport.SampleCampaign.CAMPAIGN;
import static vn.thidua.command.testsupport.SampleCampaign.n;
import static vn.thidua.command.testsupport.SampleCampaign.sample;

@DisplayName("Campaign: numbers and text outside what the product accepts are refused before the launch is decided")
class CampaignInputTest {
    private AggregateTestFixture<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = Fixtures.campaign();
        fixture.registerCommandHandlerInterceptor(new AcceptableInputInterceptor());
    }

    private static Content revenueWith(BigDecimal weight, String title) {
        return new Content("ND1", "Thứ nhất", List.of(new Indicator("REV", title, "tỷ đồng",
                IndicatorKind.QUANTITATIVE, Direction.HIGHER_IS_BETTER, n("100"), weight, null, null, null)));
    }

    @Test
    void aWeightOutsideTheRangeIsRefusedNamingItsField() {
        fixture.givenNoPriorActivity()
                .when(sample().contents(revenueWith(new BigDecimal("1e-1000"), "Thu ngân sách")).launch())
                .expectException(invalid("contents[0].indicators[0].weight"))
                .expectNoEvents();
    }

    @Test
    void anIndicatorTitleWithANulIsRefused() {
        fixture.givenNoPriorActivity()
                .when(sample().contents(revenueWith(n("10"), "Thu\u0000ngân sách")).launch())
                .expectException(invalid("contents[0].indicators[0].title"))
                .expectNoEvents();
    }

    @Test
    void aBidiOverrideInTheTitleIsRefused() {
        fixture.givenNoPriorActivity()
                .when(sample().contents(new Content("ND1", "Thứ \u202Enhất", revenueWith(n("10"), "Thu")
                        .indicators())).launch())
                .expectException(invalid("contents[0].title"))
                .expectNoEvents();
    }

    @Test
    void aValidLaunchStillPasses() {
        fixture.givenNoPriorActivity()
                .when(sample().launch())
                .expectSuccessfulHandlerExecution()
                .expectEvents(sample().launched());
    }

    @Test
    void scoringRulesWithHugeExponentsAreRefused() {
        ScoringRules huge = new ScoringRules(2, ScoringMethod.RATIO_CAPPED, new BigDecimal("1e-400000"),
                new BigDecimal("1e999999999"), BigDecimal.ZERO, BigDecimal.ZERO);
        fixture.given(sample().launched())
                .when(new PublishScoringRules(CAMPAIGN, huge))
                .expectException(invalid("rules.cap"))
                .expectNoEvents();
        ScoringRules fine = new ScoringRules(2, ScoringMethod.RATIO_CAPPED, n("1.5"), n("0.5"), n("1"), n("1"));
        fixture.given(sample().launched())
                .when(new PublishScoringRules(CAMPAIGN, fine))
                .expectEvents(new ScoringRulesPublished(CAMPAIGN, fine));
    }
}
