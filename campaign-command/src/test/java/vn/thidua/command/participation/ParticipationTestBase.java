package vn.thidua.command.participation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import vn.thidua.domain.participation.PledgeSubmitted;
import vn.thidua.domain.participation.ReportSubmitted;

import java.math.BigDecimal;
import java.util.Map;

import static vn.thidua.command.participation.ParticipationFixture.participationId;
import static vn.thidua.command.testsupport.SampleCampaign.CAMPAIGN;
import static vn.thidua.command.testsupport.SampleCampaign.H1;
import static vn.thidua.command.testsupport.SampleCampaign.U2;
import static vn.thidua.command.testsupport.SampleCampaign.openTerms;
import static vn.thidua.command.testsupport.SampleCampaign.validTargets;
import static vn.thidua.command.testsupport.SampleCampaign.values;

/**
 * What the tests of U2's participation in the open sample campaign share: its stream id, its pledge and first
 * report, and a fresh {@link ParticipationFixture} before each test, its clock at the time the test class names.
 */
abstract class ParticipationTestBase {
    static final String PID = participationId(U2);
    static final Map<String, BigDecimal> RESULTS = values("120", "3.5", "1", "6");
    static final PledgeSubmitted PLEDGED = new PledgeSubmitted(PID, CAMPAIGN, U2, validTargets());
    static final ReportSubmitted REPORTED = new ReportSubmitted(PID, CAMPAIGN, U2, H1, RESULTS, false);

    private final String vietnamTime;
    ParticipationFixture setup;
    AggregateTestFixture<Participation> fixture;

    ParticipationTestBase(String vietnamTime) {
        this.vietnamTime = vietnamTime;
    }

    @BeforeEach
    void setUpFixture() {
        setup = new ParticipationFixture(openTerms(), vietnamTime);
        fixture = setup.fixture;
    }
}
