package vn.thidua.command.participation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.participation.AttachEvidence;
import vn.thidua.domain.participation.EvidenceAttached;
import vn.thidua.domain.participation.EvidenceState;
import vn.thidua.domain.participation.EvidenceWithdrawn;
import vn.thidua.domain.participation.ReportRejected;
import vn.thidua.domain.participation.ReportVerified;
import vn.thidua.domain.participation.WithdrawEvidence;
import vn.thidua.domain.shared.Outcome;

import java.util.Map;

import static vn.thidua.command.testsupport.Refusals.invalid;
import static vn.thidua.command.testsupport.Refusals.notFound;
import static vn.thidua.command.testsupport.Refusals.violates;
import static vn.thidua.command.testsupport.SampleCampaign.CAMPAIGN;
import static vn.thidua.command.testsupport.SampleCampaign.H1;
import static vn.thidua.command.testsupport.SampleCampaign.REV;
import static vn.thidua.command.testsupport.SampleCampaign.U2;
import static vn.thidua.command.testsupport.SampleCampaign.U3;
import static vn.thidua.command.testsupport.SampleCampaign.YEAR_END;
import static vn.thidua.command.testsupport.SampleCampaign.closedTerms;

@DisplayName("Participation: evidence (minh chứng) attached to reports and withdrawn")
class EvidenceTest extends ParticipationTestBase {
    private static final String SHA = "a".repeat(64);
    private static final String OTHER_SHA = "b".repeat(64);
    private static final String NAME = "Biên bản kiểm tra.pdf";

    EvidenceTest() {
        super("2025-07-10T09:00");
    }

    private static AttachEvidence attach(String evidenceId, String sha, String indicator, String uploaderUnit) {
        return new AttachEvidence(CAMPAIGN, U2, H1, evidenceId, sha, NAME, "application/pdf", 1234, indicator,
                "Bản scan có dấu", uploaderUnit, "off-u2");
    }

    private static EvidenceAttached attached(String evidenceId, String sha, String indicator) {
        return new EvidenceAttached(PID, CAMPAIGN, U2, H1, evidenceId, sha, NAME, "application/pdf", 1234, indicator,
                "Bản scan có dấu", "off-u2");
    }

    private static final ReportVerified VERIFIED = new ReportVerified(PID, CAMPAIGN, U2, H1, RESULTS, Map.of(), "Đạt");

    @Test
    void theReportsUnitAttachesEvidence() {
        fixture.given(PLEDGED, REPORTED)
                .when(attach("e1", SHA, REV, U2))
                .expectSuccessfulHandlerExecution()
                .expectEvents(attached("e1", SHA, REV))
                .expectResultMessagePayload(new EvidenceState(Outcome.CREATED, "e1"));
    }

    @Test
    void evidenceForTheWholeReportHasNoIndicator() {
        fixture.given(PLEDGED, REPORTED)
                .when(attach("e1", SHA, null, U2))
                .expectEvents(attached("e1", SHA, null));
    }

    @Test
    void theSameBytesForTheSameReportAndIndicatorRecordNothingAndAnswerTheFileThere() {
        fixture.given(PLEDGED, REPORTED, attached("e1", SHA, REV))
                .when(attach("e2", SHA, REV, U2))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new EvidenceState(Outcome.UNCHANGED, "e1"));
    }

    @Test
    void theSameBytesForAnotherIndicatorAreAnotherAttachment() {
        fixture.given(PLEDGED, REPORTED, attached("e1", SHA, REV))
                .when(attach("e2", SHA, null, U2))
                .expectEvents(attached("e2", SHA, null));
    }

    @Test
    void theSameBytesAfterTheirWithdrawalAreAttachedAgain() {
        fixture.given(PLEDGED, REPORTED, attached("e1", SHA, REV),
                        new EvidenceWithdrawn(PID, CAMPAIGN, U2, H1, "e1", NAME, "Nhầm tệp"))
                .when(attach("e2", SHA, REV, U2))
                .expectEvents(attached("e2", SHA, REV));
    }

    @Test
    void noEvidenceAfterTheClose() {
        setup.campaigns.with(closedTerms());
        fixture.given(PLEDGED, REPORTED)
                .when(attach("e1", SHA, REV, U2))
                .expectException(violates("campaign.closed"))
                .expectNoEvents();
    }

    @Test
    void noEvidenceOnAnotherUnitsReport() {
        fixture.given(PLEDGED, REPORTED)
                .when(attach("e1", SHA, REV, U3))
                .expectException(violates("evidence.other-unit"))
                .expectNoEvents();
    }

    @Test
    void noEvidenceWithoutAReport() {
        fixture.given(PLEDGED, REPORTED)
                .when(new AttachEvidence(CAMPAIGN, U2, YEAR_END, "e1", SHA, NAME, "application/pdf", 1, null, null,
                        U2, "off-u2"))
                .expectException(violates("evidence.no-report"))
                .expectNoEvents();
    }

    @Test
    void noEvidenceForAnUnknownIndicator() {
        fixture.given(PLEDGED, REPORTED)
                .when(attach("e1", SHA, "NOPE", U2))
                .expectException(invalid("indicatorCode"))
                .expectNoEvents();
    }

    @Test
    void theUnitWithdrawsItsEvidenceWithAReasonBeforeVerification() {
        fixture.given(PLEDGED, REPORTED, attached("e1", SHA, REV))
                .when(new WithdrawEvidence(CAMPAIGN, U2, "e1", "Nhầm tệp", U2))
                .expectEvents(new EvidenceWithdrawn(PID, CAMPAIGN, U2, H1, "e1", NAME, "Nhầm tệp"))
                .expectResultMessagePayload(new EvidenceState(Outcome.CHANGED, "e1"));
    }

    @Test
    void aRejectedReportsEvidenceMayStillBeWithdrawn() {
        fixture.given(PLEDGED, REPORTED, attached("e1", SHA, REV),
                        new ReportRejected(PID, CAMPAIGN, U2, H1, "Thiếu minh chứng"))
                .when(new WithdrawEvidence(CAMPAIGN, U2, "e1", "Thay tệp đúng", U2))
                .expectEvents(new EvidenceWithdrawn(PID, CAMPAIGN, U2, H1, "e1", NAME, "Thay tệp đúng"));
    }

    @Test
    void noWithdrawalAfterVerification() {
        fixture.given(PLEDGED, REPORTED, attached("e1", SHA, REV), VERIFIED)
                .when(new WithdrawEvidence(CAMPAIGN, U2, "e1", "Nhầm tệp", U2))
                .expectException(violates("evidence.report-verified"))
                .expectNoEvents();
    }

    @Test
    void noWithdrawalWithoutAReason() {
        fixture.given(PLEDGED, REPORTED, attached("e1", SHA, REV))
                .when(new WithdrawEvidence(CAMPAIGN, U2, "e1", "  ", U2))
                .expectException(violates("evidence.withdrawal-needs-reason"))
                .expectNoEvents();
    }

    @Test
    void noWithdrawalByAnotherUnit() {
        fixture.given(PLEDGED, REPORTED, attached("e1", SHA, REV))
                .when(new WithdrawEvidence(CAMPAIGN, U2, "e1", "Nhầm tệp", U3))
                .expectException(violates("evidence.other-unit"))
                .expectNoEvents();
    }

    @Test
    void noWithdrawalOfAnUnknownFile() {
        fixture.given(PLEDGED, REPORTED, attached("e1", SHA, REV))
                .when(new WithdrawEvidence(CAMPAIGN, U2, "e9", "Nhầm tệp", U2))
                .expectException(notFound("evidence", "e9"))
                .expectNoEvents();
    }

    @Test
    void withdrawingTwiceRecordsOnce() {
        fixture.given(PLEDGED, REPORTED, attached("e1", SHA, REV),
                        new EvidenceWithdrawn(PID, CAMPAIGN, U2, H1, "e1", NAME, "Nhầm tệp"))
                .when(new WithdrawEvidence(CAMPAIGN, U2, "e1", "Nhầm tệp", U2))
                .expectNoEvents()
                .expectResultMessagePayload(new EvidenceState(Outcome.UNCHANGED, "e1"));
    }

    @Test
    void otherBytesAreAnotherFile() {
        fixture.given(PLEDGED, REPORTED, attached("e1", SHA, REV))
                .when(attach("e2", OTHER_SHA, REV, U2))
                .expectEvents(attached("e2", OTHER_SHA, REV));
    }
}
