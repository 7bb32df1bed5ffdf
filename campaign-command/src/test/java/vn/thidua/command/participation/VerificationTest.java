package vn.thidua.command.participation;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.participation.PledgeSubmitted;
import vn.thidua.domain.participation.ReportCorrected;
import vn.thidua.domain.participation.ReportRejected;
import vn.thidua.domain.participation.ReportSubmitted;
import vn.thidua.domain.participation.ReportVerified;
import vn.thidua.domain.participation.SubmitReport;
import vn.thidua.domain.participation.Verdict;
import vn.thidua.domain.participation.VerifyReport;
import vn.thidua.domain.shared.InvalidValue;
import vn.thidua.domain.shared.Role;
import vn.thidua.domain.shared.RuleViolation;

import java.math.BigDecimal;
import java.util.Map;

import static vn.thidua.command.participation.ParticipationFixture.participationId;
import static vn.thidua.command.testsupport.Refusals.invalid;
import static vn.thidua.command.testsupport.Refusals.violates;
import static vn.thidua.command.testsupport.SampleCampaign.CAMPAIGN;
import static vn.thidua.command.testsupport.SampleCampaign.H1;
import static vn.thidua.command.testsupport.SampleCampaign.HEAD;
import static vn.thidua.command.testsupport.SampleCampaign.MODEL;
import static vn.thidua.command.testsupport.SampleCampaign.REV;
import static vn.thidua.command.testsupport.SampleCampaign.U2;
import static vn.thidua.command.testsupport.SampleCampaign.U3;
import static vn.thidua.command.testsupport.SampleCampaign.YEAR_END;
import static vn.thidua.command.testsupport.SampleCampaign.closedTerms;
import static vn.thidua.command.testsupport.SampleCampaign.openTerms;
import static vn.thidua.command.testsupport.SampleCampaign.validTargets;
import static vn.thidua.command.testsupport.SampleCampaign.values;
import static vn.thidua.command.testsupport.SampleCampaign.with;

@DisplayName("Participation: verification (kiểm tra, xác minh) of period reports")
class VerificationTest extends ParticipationTestBase {
    private static final String OK = "Đã kiểm tra chéo";

    VerificationTest() {
        super("2025-07-10T09:00");
    }

    private static final String FIX_REASON = "Đối chiếu hồ sơ gốc";

    /** A verification giving, for every value it states, the reason it would need if the value changed. */
    private static VerifyReport verify(Role role, String verifierUnit, Map<String, BigDecimal> fixes) {
        return new VerifyReport(CAMPAIGN, U2, H1, Verdict.VERIFIED, OK, fixes, role, verifierUnit, reasonsFor(fixes));
    }

    private static Map<String, String> reasonsFor(Map<String, BigDecimal> values) {
        Map<String, String> reasons = new java.util.LinkedHashMap<>();
        if (values != null) {
            values.keySet().forEach(code -> reasons.put(code, FIX_REASON));
        }
        return reasons;
    }

    private static VerifyReport byHead() {
        return verify(Role.CLUSTER_HEAD, HEAD, null);
    }

    private static VerifyReport reject(String comment) {
        return new VerifyReport(CAMPAIGN, U2, H1, Verdict.REJECTED, comment, null, Role.BOARD, null);
    }

    private static ReportVerified verified(Map<String, BigDecimal> counted, Map<String, BigDecimal> fixed) {
        return new ReportVerified(PID, CAMPAIGN, U2, H1, counted, fixed, OK, reasonsFor(fixed));
    }

    @Test
    void theCampaignsClusterHeadVerifies() {
        fixture.given(PLEDGED, REPORTED)
                .when(byHead())
                .expectSuccessfulHandlerExecution()
                .expectEvents(verified(RESULTS, Map.of()));
    }

    @Test
    void aClusterHeadOfAnotherUnitMayNotVerify() {
        fixture.given(PLEDGED, REPORTED)
                .when(verify(Role.CLUSTER_HEAD, U3, null))
                .expectException(violates("verification.not-allowed"))
                .expectNoEvents();
    }

    @Test
    void aUnitOfficerMayNotVerify() {
        fixture.given(PLEDGED, REPORTED)
                .when(verify(Role.UNIT_OFFICER, U3, null))
                .expectException(violates("verification.not-allowed"))
                .expectNoEvents();
    }

    @Test
    void theHeadUnitsOfficerIsNotTheHead() {
        fixture.given(PLEDGED, REPORTED)
                .when(verify(Role.UNIT_OFFICER, HEAD, null))
                .expectException(violates("verification.not-allowed"))
                .expectNoEvents();
    }

    @Test
    void theProvincialBoardVerifies() {
        fixture.given(PLEDGED, REPORTED)
                .when(verify(Role.BOARD, null, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(verified(RESULTS, Map.of()));
    }

    @Test
    void theHeadMayNotVerifyItsOwnUnitsReport() {
        PledgeSubmitted headPledge = new PledgeSubmitted(participationId(HEAD), CAMPAIGN, HEAD, validTargets());
        ReportSubmitted headReport = new ReportSubmitted(participationId(HEAD), CAMPAIGN, HEAD, H1, RESULTS, false);
        fixture.given(headPledge, headReport)
                .when(new VerifyReport(CAMPAIGN, HEAD, H1, Verdict.VERIFIED, OK, null, Role.CLUSTER_HEAD, HEAD))
                .expectException(violates("verification.own-unit"))
                .expectNoEvents();
    }

    @Test
    void theBoardVerifiesTheHeadUnitsReport() {
        PledgeSubmitted headPledge = new PledgeSubmitted(participationId(HEAD), CAMPAIGN, HEAD, validTargets());
        ReportSubmitted headReport = new ReportSubmitted(participationId(HEAD), CAMPAIGN, HEAD, H1, RESULTS, false);
        fixture.given(headPledge, headReport)
                .when(new VerifyReport(CAMPAIGN, HEAD, H1, Verdict.VERIFIED, OK, null, Role.BOARD, null))
                .expectEvents(new ReportVerified(participationId(HEAD), CAMPAIGN, HEAD, H1, RESULTS, Map.of(), OK));
    }

    @Test
    void aFixedValueCountsAndOnlyTheChangedEntryIsRecordedAsFixed() {
        // The verifier restates REV unchanged (120.00) and fixes MODEL from 6 to 4.
        Map<String, BigDecimal> fixes = Map.of(REV, new BigDecimal("120.00"), MODEL, new BigDecimal("4"));
        fixture.given(PLEDGED, REPORTED)
                .when(verify(Role.CLUSTER_HEAD, HEAD, fixes))
                .expectSuccessfulHandlerExecution()
                .expectEvents(verified(with(RESULTS, MODEL, "4"), Map.of(MODEL, new BigDecimal("4"))));
    }

    @Test
    void aFixMustSuitItsIndicator() {
        fixture.given(PLEDGED, REPORTED)
                .when(verify(Role.BOARD, null, Map.of(MODEL, new BigDecimal("-2"))))
                .expectException(invalid("verifiedValues.MODEL"))
                .expectNoEvents();
    }

    @Test
    void onlyReportedValuesCanBeFixed() {
        ReportSubmitted partial = new ReportSubmitted(PID, CAMPAIGN, U2, H1, Map.of(REV, new BigDecimal("60")), false);
        fixture.given(PLEDGED, partial)
                .when(verify(Role.BOARD, null, Map.of(MODEL, new BigDecimal("2"))))
                .expectException(violates("verification.not-reported"))
                .expectNoEvents();
    }

    @Test
    void verifyingAReportThatDoesNotExistIsRefused() {
        fixture.given(PLEDGED)
                .when(byHead())
                .expectException(violates("verification.no-report"))
                .expectNoEvents();
    }

    @Test
    void verifyingAnotherPeriodsReportThatDoesNotExistIsRefused() {
        fixture.given(PLEDGED, REPORTED)
                .when(new VerifyReport(CAMPAIGN, U2, YEAR_END, Verdict.VERIFIED, OK, null, Role.BOARD, null))
                .expectException(violates("verification.no-report"))
                .expectNoEvents();
    }

    @Test
    void aRejectionIsRecorded() {
        fixture.given(PLEDGED, REPORTED)
                .when(reject("Thiếu hồ sơ minh chứng"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ReportRejected(PID, CAMPAIGN, U2, H1, "Thiếu hồ sơ minh chứng"));
    }

    /** Issue 11: a rejection without a comment left the unit without a reason. */
    @Test
    void aRejectionNeedsAComment() {
        fixture.given(PLEDGED, REPORTED)
                .when(reject(null))
                .expectException(RuleViolation.class)
                .expectException(violates("verification.rejection-needs-comment"))
                .expectNoEvents();
    }

    @Test
    void aBlankCommentIsNoComment() {
        fixture.given(PLEDGED, REPORTED)
                .when(reject("   "))
                .expectException(violates("verification.rejection-needs-comment"))
                .expectNoEvents();
    }

    @Test
    void aRejectionWithACommentIsRecordedAndTheUnitSeesTheReason() {
        fixture.given(PLEDGED, REPORTED)
                .when(reject("Thiếu quyết định công nhận"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ReportRejected(PID, CAMPAIGN, U2, H1, "Thiếu quyết định công nhận"));
    }

    @Test
    void aVerifiedReportCanStillBeRejected() {
        fixture.given(PLEDGED, REPORTED, verified(RESULTS, Map.of()))
                .when(reject("Phát hiện sai lệch khi kiểm tra lại"))
                .expectEvents(new ReportRejected(PID, CAMPAIGN, U2, H1, "Phát hiện sai lệch khi kiểm tra lại"));
    }

    @Test
    void rejectingARejectedReportAgainRecordsNothing() {
        fixture.given(PLEDGED, REPORTED, new ReportRejected(PID, CAMPAIGN, U2, H1, "Thiếu hồ sơ"))
                .when(reject("Thiếu hồ sơ"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRejectedReportCannotBeVerifiedWithoutACorrection() {
        fixture.given(PLEDGED, REPORTED, new ReportRejected(PID, CAMPAIGN, U2, H1, "Thiếu hồ sơ"))
                .when(byHead())
                .expectException(violates("verification.rejected-needs-correction"))
                .expectNoEvents();
    }

    @Test
    void aCorrectionOfARejectedReportNeedsAReason() {
        fixture.given(PLEDGED, REPORTED, new ReportRejected(PID, CAMPAIGN, U2, H1, "Thiếu hồ sơ"))
                .when(new SubmitReport(CAMPAIGN, U2, H1, with(RESULTS, REV, "110"), null))
                .expectException(violates("report.correction-needs-reason"))
                .expectNoEvents();
    }

    @Test
    void aRejectedReportCorrectedWithAReasonIsACorrection() {
        String reason = "Bổ sung minh chứng, điều chỉnh số liệu";
        fixture.given(PLEDGED, REPORTED, new ReportRejected(PID, CAMPAIGN, U2, H1, "Thiếu hồ sơ"))
                .when(new SubmitReport(CAMPAIGN, U2, H1, with(RESULTS, REV, "110"), reason))
                .expectEvents(new ReportCorrected(PID, CAMPAIGN, U2, H1, with(RESULTS, REV, "110"), RESULTS, reason,
                        true));
    }

    @Test
    void aRejectedThenCorrectedReportIsVerified() {
        fixture.given(PLEDGED, REPORTED, new ReportRejected(PID, CAMPAIGN, U2, H1, "Thiếu hồ sơ"))
                .andGivenCommands(new SubmitReport(CAMPAIGN, U2, H1, with(RESULTS, REV, "110"),
                        "Bổ sung minh chứng, điều chỉnh số liệu"))
                .when(byHead())
                .expectSuccessfulHandlerExecution()
                .expectEvents(verified(with(RESULTS, REV, "110"), Map.of()));
    }

    @Test
    void anIdenticalRepeatedVerificationRecordsNothing() {
        Map<String, BigDecimal> fixes = Map.of(MODEL, new BigDecimal("4"));
        fixture.given(PLEDGED, REPORTED, verified(with(RESULTS, MODEL, "4"), Map.of(MODEL, new BigDecimal("4"))))
                .when(verify(Role.CLUSTER_HEAD, HEAD, Map.of(MODEL, new BigDecimal("4.0"))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aVerificationWithAnotherFixIsRecorded() {
        fixture.given(PLEDGED, REPORTED, verified(with(RESULTS, MODEL, "4"), Map.of(MODEL, new BigDecimal("4"))))
                .when(verify(Role.BOARD, null, Map.of(MODEL, new BigDecimal("5"))))
                .expectEvents(verified(with(RESULTS, MODEL, "5"), Map.of(MODEL, new BigDecimal("5"))));
    }

    @Test
    void aCorrectedReportMustBeVerifiedAgain() {
        ReportCorrected corrected = new ReportCorrected(PID, CAMPAIGN, U2, H1, with(RESULTS, REV, "130"), RESULTS,
                "Điều chỉnh", true);
        fixture.given(PLEDGED, REPORTED, verified(RESULTS, Map.of()), corrected)
                .when(byHead())
                .expectEvents(verified(with(RESULTS, REV, "130"), Map.of()));
    }

    @Test
    void aRejectionCannotFixValues() {
        fixture.given(PLEDGED, REPORTED)
                .when(new VerifyReport(CAMPAIGN, U2, H1, Verdict.REJECTED, "sai", Map.of(REV, new BigDecimal("100")),
                        Role.BOARD, null))
                .expectException(InvalidValue.class)
                .expectException(invalid("verifiedValues"))
                .expectNoEvents();
    }

    @Test
    void aVerdictIsRequired() {
        fixture.given(PLEDGED, REPORTED)
                .when(new VerifyReport(CAMPAIGN, U2, H1, null, OK, null, Role.BOARD, null))
                .expectException(violates("verification.no-verdict"))
                .expectNoEvents();
    }

    @Test
    void noVerificationAfterTheCampaignIsClosed() {
        setup.campaigns.with(closedTerms());
        fixture.given(PLEDGED, REPORTED)
                .when(byHead())
                .expectException(violates("campaign.closed"))
                .expectNoEvents();
    }

    @Test
    void noRejectionAfterTheCampaignIsClosed() {
        setup.campaigns.with(closedTerms());
        fixture.given(PLEDGED, REPORTED)
                .when(reject("muộn"))
                .expectException(violates("campaign.closed"))
                .expectNoEvents();
    }

    @org.junit.jupiter.api.Nested
    @DisplayName("cross-inspection: a unit the head sent verifies, with a reason for every changed value")
    class CrossInspection {
        private ParticipationFixture inspected;

        @BeforeEach
        void sendU3ToInspectU2() {
            inspected = new ParticipationFixture(openTerms().with(new vn.thidua.domain.campaign.InspectionAssigned(
                    CAMPAIGN, "i1", H1, U3, java.util.List.of(U2))), "2025-07-10T09:00");
        }

        @Test
        void anOfficerOfTheInspectorUnitVerifiesTheInspectedReport() {
            inspected.fixture.given(PLEDGED, REPORTED)
                    .when(verify(Role.UNIT_OFFICER, U3, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ReportVerified(PID, CAMPAIGN, U2, H1, RESULTS, Map.of(), OK, Map.of()));
        }

        @Test
        void aPeerThatWasNotSentMayNotVerify() {
            inspected.fixture.given(PLEDGED, REPORTED)
                    .when(verify(Role.UNIT_OFFICER, HEAD_PEER, null))
                    .expectException(vn.thidua.domain.shared.NotPermitted.class)
                    .expectNoEvents();
        }

        @Test
        void theInspectorMayNotVerifyAnotherPeriod() {
            inspected.fixture.given(PLEDGED, new ReportSubmitted(PID, CAMPAIGN, U2, YEAR_END, RESULTS, false))
                    .when(new VerifyReport(CAMPAIGN, U2, YEAR_END, Verdict.VERIFIED, OK, null, Role.UNIT_OFFICER, U3))
                    .expectException(vn.thidua.domain.shared.NotPermitted.class)
                    .expectNoEvents();
        }

        @Test
        void aChangedValueWithoutAReasonIsRefusedNamingIt() {
            inspected.fixture.given(PLEDGED, REPORTED)
                    .when(new VerifyReport(CAMPAIGN, U2, H1, Verdict.VERIFIED, OK, Map.of(REV, new BigDecimal("110")),
                            Role.UNIT_OFFICER, U3, Map.of(REV, "  ")))
                    .expectException(invalid("reasons.REV"))
                    .expectNoEvents();
        }

        @Test
        void aChangedValueWithItsReasonIsRecordedWithTheReasonAndTheVerifier() {
            Map<String, BigDecimal> fixed = Map.of(REV, new BigDecimal("110"));
            inspected.fixture.given(PLEDGED, REPORTED)
                    .when(new VerifyReport(CAMPAIGN, U2, H1, Verdict.VERIFIED, OK, fixed, Role.UNIT_OFFICER, U3,
                            Map.of(REV, "Thiếu chứng từ 10 tỷ")))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ReportVerified(PID, CAMPAIGN, U2, H1, with(RESULTS, REV, "110"), fixed, OK,
                            Map.of(REV, "Thiếu chứng từ 10 tỷ")));
        }

        @Test
        void aValueConfirmedUnchangedNeedsNoReason() {
            inspected.fixture.given(PLEDGED, REPORTED)
                    .when(verify(Role.UNIT_OFFICER, U3, Map.of(REV, new BigDecimal("120"))))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ReportVerified(PID, CAMPAIGN, U2, H1, RESULTS, Map.of(), OK, Map.of()));
        }
    }

    private static final String HEAD_PEER = "U1";
}
