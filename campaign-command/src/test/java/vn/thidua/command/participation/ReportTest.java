package vn.thidua.command.participation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.participation.ReportCorrected;
import vn.thidua.domain.participation.ReportRejected;
import vn.thidua.domain.participation.ReportSubmitted;
import vn.thidua.domain.participation.SubmitReport;
import vn.thidua.domain.shared.RuleViolation;

import java.math.BigDecimal;
import java.util.Map;

import static vn.thidua.command.testsupport.Refusals.invalid;
import static vn.thidua.command.testsupport.Refusals.violates;
import static vn.thidua.command.testsupport.SampleCampaign.CAMPAIGN;
import static vn.thidua.command.testsupport.SampleCampaign.H1;
import static vn.thidua.command.testsupport.SampleCampaign.NTM;
import static vn.thidua.command.testsupport.SampleCampaign.REV;
import static vn.thidua.command.testsupport.SampleCampaign.U2;
import static vn.thidua.command.testsupport.SampleCampaign.YEAR_END;
import static vn.thidua.command.testsupport.SampleCampaign.closedTerms;
import static vn.thidua.command.testsupport.SampleCampaign.values;
import static vn.thidua.command.testsupport.SampleCampaign.with;

@DisplayName("Participation: period reports (báo cáo kết quả) and their corrections")
class ReportTest extends ParticipationTestBase {
    ReportTest() {
        // Before the H1 due date (30/6/2025).
        super("2025-06-20T10:00");
    }

    private static SubmitReport report(String period, Map<String, BigDecimal> values, String reason) {
        return new SubmitReport(CAMPAIGN, U2, period, values, reason);
    }

    private static ReportSubmitted submitted(Map<String, BigDecimal> values, boolean late) {
        return new ReportSubmitted(PID, CAMPAIGN, U2, H1, values, late);
    }

    @Test
    void aFirstReportBeforeTheDueDateIsOnTime() {
        fixture.given(PLEDGED)
                .when(report(H1, RESULTS, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(submitted(RESULTS, false));
    }

    @Test
    void aReportAt2359LocalOnTheDueDateIsOnTime() {
        setup.clock.setVietnamTime("2025-06-30T23:59:59");
        fixture.given(PLEDGED)
                .when(report(H1, RESULTS, null))
                .expectEvents(submitted(RESULTS, false));
    }

    @Test
    void aReportAfterTheDueDateIsRecordedAsLate() {
        setup.clock.setVietnamTime("2025-07-01T00:00");
        fixture.given(PLEDGED)
                .when(report(H1, RESULTS, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(submitted(RESULTS, true));
    }

    @Test
    void aPartialReportIsAccepted() {
        Map<String, BigDecimal> partial = Map.of(REV, new BigDecimal("60"));
        fixture.given(PLEDGED)
                .when(report(H1, partial, null))
                .expectEvents(submitted(partial, false));
    }

    @Test
    void anUnknownPeriodIsRefused() {
        fixture.given(PLEDGED)
                .when(report("Q3", RESULTS, null))
                .expectException(RuleViolation.class)
                .expectException(violates("report.unknown-period"))
                .expectNoEvents();
    }

    @Test
    void noReportWithoutAPledge() {
        fixture.givenNoPriorActivity()
                .when(report(H1, RESULTS, null))
                .expectException(violates("report.no-pledge"))
                .expectNoEvents();
    }

    @Test
    void reportedValuesMustSuitTheirIndicator() {
        fixture.given(PLEDGED)
                .when(report(H1, with(RESULTS, NTM, "2"), null))
                .expectException(invalid("values.NTM"))
                .expectNoEvents();
    }

    @Test
    void anIdenticalResubmissionRecordsNothing() {
        fixture.given(PLEDGED, submitted(RESULTS, false))
                .when(report(H1, values("120.0", "3.50", "1", "6"), null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aChangedReportWithoutAReasonIsRefused() {
        fixture.given(PLEDGED, submitted(RESULTS, false))
                .when(report(H1, with(RESULTS, REV, "125"), null))
                .expectException(violates("report.correction-needs-reason"))
                .expectNoEvents();
    }

    @Test
    void aChangedReportWithABlankReasonIsRefused() {
        fixture.given(PLEDGED, submitted(RESULTS, false))
                .when(report(H1, with(RESULTS, REV, "125"), "   "))
                .expectException(violates("report.correction-needs-reason"))
                .expectNoEvents();
    }

    @Test
    void aChangedReportWithAReasonIsACorrectionCarryingThePreviousValues() {
        String reason = "Số liệu thu ngân sách được Kho bạc xác nhận lại";
        fixture.given(PLEDGED, submitted(RESULTS, false))
                .when(report(H1, with(RESULTS, REV, "125"), reason))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ReportCorrected(PID, CAMPAIGN, U2, H1, with(RESULTS, REV, "125"), RESULTS, reason,
                        false));
    }

    @Test
    void aCorrectionAfterTheDueDateIsMarkedLate() {
        setup.clock.setVietnamTime("2025-07-05T08:00");
        fixture.given(PLEDGED, submitted(RESULTS, false))
                .when(report(H1, with(RESULTS, REV, "125"), "sai sót"))
                .expectEvents(new ReportCorrected(PID, CAMPAIGN, U2, H1, with(RESULTS, REV, "125"), RESULTS,
                        "sai sót", true));
    }

    @Test
    void eachPeriodHasItsOwnReport() {
        fixture.given(PLEDGED, submitted(RESULTS, false))
                .when(report(YEAR_END, with(RESULTS, REV, "240"), null))
                .expectEvents(new ReportSubmitted(PID, CAMPAIGN, U2, YEAR_END, with(RESULTS, REV, "240"), false));
    }

    @Test
    void noReportAfterTheCampaignIsClosed() {
        setup.campaigns.with(closedTerms());
        fixture.given(PLEDGED)
                .when(report(H1, RESULTS, null))
                .expectException(violates("campaign.closed"))
                .expectNoEvents();
    }

    @Test
    void noCorrectionAfterTheCampaignIsClosed() {
        setup.campaigns.with(closedTerms());
        fixture.given(PLEDGED, submitted(RESULTS, false))
                .when(report(H1, with(RESULTS, REV, "125"), "sai sót"))
                .expectException(violates("campaign.closed"))
                .expectNoEvents();
    }

    @Test
    void anIdenticalRetryAfterTheCloseRecordsNothingAndIsNotRefused() {
        setup.campaigns.with(closedTerms());
        fixture.given(PLEDGED, submitted(RESULTS, false))
                .when(report(H1, RESULTS, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRejectedReportMayBeResubmittedUnchangedWithAReason() {
        fixture.given(PLEDGED, submitted(RESULTS, false), new ReportRejected(PID, CAMPAIGN, U2, H1, "Thiếu minh chứng"))
                .when(report(H1, RESULTS, "Bổ sung hồ sơ minh chứng"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ReportCorrected(PID, CAMPAIGN, U2, H1, RESULTS, RESULTS, "Bổ sung hồ sơ minh chứng",
                        false));
    }

    @Test
    void aRejectedReportResubmittedUnchangedWithoutAReasonIsRefused() {
        fixture.given(PLEDGED, submitted(RESULTS, false), new ReportRejected(PID, CAMPAIGN, U2, H1, "Thiếu minh chứng"))
                .when(report(H1, RESULTS, null))
                .expectException(violates("report.correction-needs-reason"))
                .expectNoEvents();
    }

    @Test
    void numbersOutsideTheProductsRangeAreRefusedBeforeAnythingIsDecided() {
        for (String bad : new String[]{"1e-1000", "1e25", "1e999999999", "-1e999999999", "0.1234567"}) {
            fixture.given(PLEDGED)
                    .when(report(H1, with(RESULTS, REV, bad), null))
                    .expectException(invalid("values.REV"))
                    .expectNoEvents();
        }
    }

    @Test
    void aNumberAtTheEdgeOfTheRangeIsRecorded() {
        fixture.given(PLEDGED)
                .when(report(H1, with(RESULTS, REV, "999999999.123456"), null))
                .expectEvents(submitted(with(RESULTS, REV, "999999999.123456"), false));
    }

    @Test
    void aReasonWithAControlCharacterIsRefusedAndOneWithLineBreaksIsACorrection() {
        fixture.given(PLEDGED, submitted(RESULTS, false))
                .when(report(H1, with(RESULTS, REV, "125"), "theo biên bản\u0000"))
                .expectException(invalid("reason"))
                .expectNoEvents();
        fixture.given(PLEDGED, submitted(RESULTS, false))
                .when(report(H1, with(RESULTS, REV, "125"), "theo biên bản\nsố 12"))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.hamcrest.Matchers.instanceOf(ReportCorrected.class))));
    }

    @Test
    void aCommandSentAgainUnderAnAcceptedRequestIdRecordsNothingEvenAfterAnotherWriteAndADifferentOneIs() {
        org.axonframework.messaging.MetaData first = org.axonframework.messaging.MetaData.with(
                vn.thidua.domain.shared.MetadataKeys.CLIENT_REQUEST_ID, "req-1");
        // req-1's report was stored, then another writer corrected it; req-1 comes again (its answer was lost).
        fixture.given(PLEDGED)
                .andGiven(java.util.List.of(new org.axonframework.eventhandling.GenericDomainEventMessage<>(
                        "Participation", PID, 1, submitted(RESULTS, false), first)))
                .andGiven(new ReportCorrected(PID, CAMPAIGN, U2, H1, with(RESULTS, REV, "130"), RESULTS, "khác", false))
                .when(report(H1, RESULTS, "lần gửi lại"), first)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(PLEDGED, submitted(RESULTS, false))
                .when(report(H1, with(RESULTS, REV, "125"), "theo biên bản"),
                        org.axonframework.messaging.MetaData.with(vn.thidua.domain.shared.MetadataKeys.CLIENT_REQUEST_ID,
                                "req-2"))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.hamcrest.Matchers.instanceOf(ReportCorrected.class))));
    }
}
