package vn.thidua.command.commendation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.thidua.command.testsupport.FakeLookups;
import vn.thidua.command.testsupport.Fixtures;
import vn.thidua.command.testsupport.MutableClock;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.commendation.ApproveCommendation;
import vn.thidua.domain.commendation.Award;
import vn.thidua.domain.commendation.Ballot;
import vn.thidua.domain.commendation.CommendationApproved;
import vn.thidua.domain.commendation.CommendationConferred;
import vn.thidua.domain.commendation.CommendationProposed;
import vn.thidua.domain.commendation.CommendationRejected;
import vn.thidua.domain.commendation.CommendationRevoked;
import vn.thidua.domain.commendation.ConferCommendation;
import vn.thidua.domain.commendation.LeagueTablePosition;
import vn.thidua.domain.commendation.AnswerComment;
import vn.thidua.domain.commendation.CommentAnswered;
import vn.thidua.domain.commendation.CommentOnProposal;
import vn.thidua.domain.commendation.NoticePolicy;
import vn.thidua.domain.commendation.ProposalCommented;
import vn.thidua.domain.commendation.ProposalPublished;
import vn.thidua.domain.commendation.ProposeCommendation;
import vn.thidua.domain.commendation.ProposalCitedBallot;
import vn.thidua.domain.commendation.RejectCommendation;
import vn.thidua.domain.commendation.RevokeCommendation;
import vn.thidua.domain.shared.InvalidValue;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.domain.shared.RuleViolation;
import vn.thidua.domain.shared.UnitRef;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static vn.thidua.command.testsupport.Refusals.invalid;
import static vn.thidua.command.testsupport.Refusals.notFound;
import static vn.thidua.command.testsupport.Refusals.violates;
import static vn.thidua.command.testsupport.SampleCampaign.CAMPAIGN;
import static vn.thidua.command.testsupport.SampleCampaign.HEAD;
import static vn.thidua.command.testsupport.SampleCampaign.MEMBERS;
import static vn.thidua.command.testsupport.SampleCampaign.OUTSIDER;
import static vn.thidua.command.testsupport.SampleCampaign.U2;
import static vn.thidua.command.testsupport.SampleCampaign.n;
import static vn.thidua.command.testsupport.SampleCampaign.openTerms;
import static vn.thidua.command.testsupport.SampleCampaign.sample;

@DisplayName("Commendation: proposal after close, the board's decision, conferral and revocation")
class CommendationTest {
    private static final String ID = "k1";
    private static final String RATIONALE = "Dẫn đầu Cụm thi đua số II năm 2025";
    private static final LeagueTablePosition FIRST =
            new LeagueTablePosition(1, n("92.5"), 2, Instant.parse("2025-12-20T03:00:00Z"), false);
    private static final Ballot MAJORITY = new Ballot(6, 2, 8);
    private static final Ballot HALF = new Ballot(4, 4, 8);

    private FakeLookups campaigns;
    /** The board decides in February 2026, after the decisions of January 2026 these tests confer. */
    private final MutableClock clock = MutableClock.atVietnamTime("2026-02-10T09:00");
    private AggregateTestFixture<Commendation> fixture;

    @BeforeEach
    void setUp() {
        campaigns = new FakeLookups().with(eightMembersClosed());
        fixture = Fixtures.of(Commendation.class);
        fixture.registerInjectableResource(campaigns);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(NOTICE);
    }

    /** Ten working days, less the Tết holidays of 2026. */
    private static final NoticePolicy NOTICE = new NoticePolicy(10, java.util.Set.of(LocalDate.of(2026, 2, 16),
            LocalDate.of(2026, 2, 17), LocalDate.of(2026, 2, 18), LocalDate.of(2026, 2, 19),
            LocalDate.of(2026, 2, 20)));
    /** Proposed on Tuesday 10/02/2026: 11–13/02, then 23–27/02 and 02–03/03 (weekends and Tết skipped). */
    private static final Instant NOTICE_ENDS = vn.thidua.domain.shared.Deadlines.endOf(LocalDate.of(2026, 3, 3));
    private static final ProposalPublished PUBLISHED = new ProposalPublished(ID, CAMPAIGN, HEAD, NOTICE_ENDS);

    /** The sample campaign closed, with eight members at launch: these tests' ballots are of eight. */
    private static CampaignTerms eightMembersClosed() {
        List<UnitRef> members = new ArrayList<>(MEMBERS);
        for (int i = 4; members.size() < 8; i++) {
            members.add(new UnitRef("U" + (10 + i), "Huyện số " + (10 + i), "DISTRICT"));
        }
        return sample().members(members).terms().closedNow();
    }

    private static ProposeCommendation propose(String unit, Award award, Ballot ballot) {
        return new ProposeCommendation(ID, CAMPAIGN, unit, award, RATIONALE, ballot, FIRST);
    }

    private static CommendationProposed proposed(Award award, Ballot ballot) {
        return new CommendationProposed(ID, CAMPAIGN, HEAD, award, RATIONALE, ballot, FIRST);
    }

    private static final CommendationProposed PROPOSED = proposed(Award.PROVINCIAL_FLAG, MAJORITY);
    private static final CommendationApproved APPROVED = new CommendationApproved(ID, CAMPAIGN, HEAD, "Đồng ý");
    private static final CommendationConferred CONFERRED =
            new CommendationConferred(ID, CAMPAIGN, HEAD, "123/QĐ-UBND", LocalDate.of(2026, 1, 15));

    @Nested
    @DisplayName("public notice and comments (công khai)")
    class Notice {
        private final ProposalCommented comment = new ProposalCommented(ID, CAMPAIGN, HEAD, "c1",
                "Đề nghị làm rõ số liệu thu ngân sách", "Nguyễn Văn A");

        @Test
        void aCommentWhileTheNoticeIsOpenIsRecorded() {
            fixture.given(PROPOSED, PUBLISHED)
                    .when(new CommentOnProposal(ID, "c1", "Đề nghị làm rõ số liệu thu ngân sách", "Nguyễn Văn A"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(comment);
        }

        @Test
        void noCommentAfterTheNotice() {
            clock.setVietnamTime("2026-03-04T08:00");
            fixture.given(PROPOSED, PUBLISHED)
                    .when(new CommentOnProposal(ID, "c1", "Muộn", null))
                    .expectException(violates("commendation.notice-closed"))
                    .expectNoEvents();
        }

        @Test
        void noApprovalWhileTheNoticeIsOpen() {
            clock.setVietnamTime("2026-03-03T23:00");
            fixture.given(PROPOSED, PUBLISHED)
                    .when(new ApproveCommendation(ID, "Đồng ý"))
                    .expectException(violates("commendation.notice-open"))
                    .expectNoEvents();
        }

        @Test
        void noApprovalWhileACommentIsUnanswered() {
            clock.setVietnamTime("2026-03-04T08:00");
            fixture.given(PROPOSED, PUBLISHED, comment)
                    .when(new ApproveCommendation(ID, "Đồng ý"))
                    .expectException(violates("commendation.comment-unanswered"))
                    .expectNoEvents();
        }

        @Test
        void theHeadAnswersACommentOnceAndThenTheBoardApproves() {
            CommentAnswered answered = new CommentAnswered(ID, CAMPAIGN, HEAD, "c1", "Số liệu đã được Kho bạc xác nhận");
            fixture.given(PROPOSED, PUBLISHED, comment)
                    .when(new AnswerComment(ID, "c1", "Số liệu đã được Kho bạc xác nhận"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(answered);
            fixture.given(PROPOSED, PUBLISHED, comment, answered)
                    .when(new AnswerComment(ID, "c1", "Lần nữa"))
                    .expectException(violates("commendation.comment-answered"))
                    .expectNoEvents();
            clock.setVietnamTime("2026-03-04T08:00");
            fixture.given(PROPOSED, PUBLISHED, comment, answered)
                    .when(new ApproveCommendation(ID, "Đồng ý"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(APPROVED);
        }
    }

    @Nested
    @DisplayName("proposal")
    class Proposal {
        @Test
        void aProposalAfterCloseIsRecorded() {
            fixture.givenNoPriorActivity()
                    .when(propose(HEAD, Award.PROVINCIAL_FLAG, MAJORITY))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(PROPOSED, PUBLISHED);
        }

        @Test
        void aProposalCitingABallotHeldInTheAppRecordsWhichBallot() {
            fixture.givenNoPriorActivity()
                    .when(new ProposeCommendation(ID, CAMPAIGN, HEAD, Award.PROVINCIAL_FLAG, RATIONALE, MAJORITY, FIRST,
                            "b1"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(PROPOSED, PUBLISHED, new ProposalCitedBallot(ID, CAMPAIGN, HEAD, "b1"));
        }

        @Test
        void aBallotHeldInTheAppStillNeedsAMajorityForAFlag() {
            fixture.givenNoPriorActivity()
                    .when(new ProposeCommendation(ID, CAMPAIGN, HEAD, Award.PROVINCIAL_FLAG, RATIONALE, HALF, FIRST,
                            "b1"))
                    .expectException(violates("commendation.no-majority"))
                    .expectNoEvents();
        }

        @Test
        void noProposalWhileTheCampaignIsOpen() {
            campaigns.with(openTerms());
            fixture.givenNoPriorActivity()
                    .when(propose(HEAD, Award.PROVINCIAL_FLAG, MAJORITY))
                    .expectException(RuleViolation.class)
                    .expectException(violates("commendation.campaign-open"))
                    .expectNoEvents();
        }

        @Test
        void noProposalForAUnitOutsideTheCampaign() {
            fixture.givenNoPriorActivity()
                    .when(propose(OUTSIDER, Award.CERTIFICATE_OF_MERIT, MAJORITY))
                    .expectException(violates("commendation.not-member"))
                    .expectNoEvents();
        }

        @Test
        void noProposalForAnUnknownCampaign() {
            fixture.givenNoPriorActivity()
                    .when(new ProposeCommendation(ID, "c404", HEAD, Award.CERTIFICATE, RATIONALE, MAJORITY, FIRST))
                    .expectException(NotFound.class)
                    .expectException(notFound("campaign", "c404"))
                    .expectNoEvents();
        }

        @Test
        void aFlagWithoutAMajorityOfTheBallotsCastIsRefused() {
            // 4 of 8 is half, not a majority.
            fixture.givenNoPriorActivity()
                    .when(propose(HEAD, Award.PROVINCIAL_FLAG, HALF))
                    .expectException(violates("commendation.no-majority"))
                    .expectNoEvents();
        }

        @Test
        void theGovernmentFlagAlsoNeedsAMajority() {
            fixture.givenNoPriorActivity()
                    .when(propose(HEAD, Award.GOVERNMENT_FLAG, new Ballot(3, 1, 8)))
                    .expectException(violates("commendation.no-majority"))
                    .expectNoEvents();
        }

        @Test
        void aCertificateNeedsNoMajority() {
            fixture.givenNoPriorActivity()
                    .when(propose(U2, Award.CERTIFICATE, HALF))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new CommendationProposed(ID, CAMPAIGN, U2, Award.CERTIFICATE, RATIONALE, HALF, FIRST),
                            new ProposalPublished(ID, CAMPAIGN, U2, NOTICE_ENDS));
        }

        @Test
        void votesForAndAgainstMayNotExceedTheBallotsCast() {
            fixture.givenNoPriorActivity()
                    .when(propose(HEAD, Award.CERTIFICATE_OF_MERIT, new Ballot(6, 3, 8)))
                    .expectException(violates("commendation.ballot-inconsistent"))
                    .expectNoEvents();
        }

        @Test
        void blankBallotsMakeForAndAgainstLessThanCast() {
            fixture.givenNoPriorActivity()
                    .when(propose(HEAD, Award.PROVINCIAL_FLAG, new Ballot(5, 1, 8)))
                    .expectEvents(proposed(Award.PROVINCIAL_FLAG, new Ballot(5, 1, 8)), PUBLISHED);
        }

        /** Issue 11: a ballot of 9 in an 8-member cluster was accepted. */
        @Test
        void moreBallotsThanTheClustersMembersAreRefused() {
            int members = eightMembersClosed().members().size();
            fixture.givenNoPriorActivity()
                    .when(propose(HEAD, Award.CERTIFICATE_OF_MERIT, new Ballot(members + 1, 0, members + 1)))
                    .expectException(RuleViolation.class)
                    .expectException(violates("commendation.ballot-exceeds-members"))
                    .expectNoEvents();
        }

        @Test
        void aBallotOfEveryMemberIsRecorded() {
            int members = eightMembersClosed().members().size();
            Ballot all = new Ballot(members, 0, members);
            fixture.givenNoPriorActivity()
                    .when(propose(HEAD, Award.PROVINCIAL_FLAG, all))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(proposed(Award.PROVINCIAL_FLAG, all), PUBLISHED);
        }

        @Test
        void negativeVotesAreInvalid() {
            fixture.givenNoPriorActivity()
                    .when(propose(HEAD, Award.CERTIFICATE, new Ballot(-1, 0, 8)))
                    .expectException(InvalidValue.class)
                    .expectException(invalid("ballot"))
                    .expectNoEvents();
        }

        @Test
        void aProposalCitesItsLeagueTablePosition() {
            fixture.givenNoPriorActivity()
                    .when(new ProposeCommendation(ID, CAMPAIGN, HEAD, Award.CERTIFICATE, RATIONALE, MAJORITY, null))
                    .expectException(violates("commendation.no-basis"))
                    .expectNoEvents();
        }

        @Test
        void aProposalNeedsARationale() {
            fixture.givenNoPriorActivity()
                    .when(new ProposeCommendation(ID, CAMPAIGN, HEAD, Award.CERTIFICATE, " ", MAJORITY, FIRST))
                    .expectException(invalid("rationale"))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("the board's decision and conferral")
    class Decision {
        @Test
        void theBoardApprovesAProposal() {
            fixture.given(PROPOSED)
                    .when(new ApproveCommendation(ID, "Đồng ý"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(APPROVED);
        }

        @Test
        void anApprovedCommendationIsConferred() {
            fixture.given(PROPOSED, APPROVED)
                    .when(new ConferCommendation(ID, "123/QĐ-UBND", LocalDate.of(2026, 1, 15)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(CONFERRED);
        }

        @Test
        void noConferralBeforeApproval() {
            fixture.given(PROPOSED)
                    .when(new ConferCommendation(ID, "123/QĐ-UBND", LocalDate.of(2026, 1, 15)))
                    .expectException(violates("commendation.not-approved"))
                    .expectNoEvents();
        }

        @Test
        void noSecondConferral() {
            fixture.given(PROPOSED, APPROVED, CONFERRED)
                    .when(new ConferCommendation(ID, "124/QĐ-UBND", LocalDate.of(2026, 1, 16)))
                    .expectException(violates("commendation.not-approved"))
                    .expectNoEvents();
        }

        @Test
        void aConferralNeedsADecisionNumber() {
            fixture.given(PROPOSED, APPROVED)
                    .when(new ConferCommendation(ID, "", LocalDate.of(2026, 1, 15)))
                    .expectException(invalid("decisionNo"))
                    .expectNoEvents();
        }

        @Test
        void theBoardRejectsAProposal() {
            fixture.given(PROPOSED)
                    .when(new RejectCommendation(ID, "Chưa đủ điều kiện"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new CommendationRejected(ID, CAMPAIGN, HEAD, "Chưa đủ điều kiện"));
        }

        /** Issue 11: a rejected commendation without a comment told the cluster nothing. */
        @Test
        void aRejectionNeedsAComment() {
            fixture.given(PROPOSED)
                    .when(new RejectCommendation(ID, null))
                    .expectException(RuleViolation.class)
                    .expectException(violates("commendation.rejection-needs-comment"))
                    .expectNoEvents();
        }

        @Test
        void aBlankRejectionCommentIsNoComment() {
            fixture.given(PROPOSED)
                    .when(new RejectCommendation(ID, "  "))
                    .expectException(violates("commendation.rejection-needs-comment"))
                    .expectNoEvents();
        }

        /** Issue 11: a decision dated in the future was accepted. */
        @Test
        void aDecisionDatedInTheFutureIsRefused() {
            fixture.given(PROPOSED, APPROVED)
                    .when(new ConferCommendation(ID, "123/QĐ-UBND", LocalDate.of(2026, 2, 11)))
                    .expectException(RuleViolation.class)
                    .expectException(violates("commendation.decision-in-future"))
                    .expectNoEvents();
        }

        @Test
        void aDecisionDatedTodayInVietnamIsConferred() {
            // 2026-02-10 00:30 in Vietnam is still 2026-02-09 in UTC: the day is Vietnam's.
            clock.setVietnamTime("2026-02-10T00:30");
            fixture.given(PROPOSED, APPROVED)
                    .when(new ConferCommendation(ID, "123/QĐ-UBND", LocalDate.of(2026, 2, 10)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new CommendationConferred(ID, CAMPAIGN, HEAD, "123/QĐ-UBND", LocalDate.of(2026, 2, 10)));
        }

        @Test
        void noApprovalAfterRejection() {
            fixture.given(PROPOSED, new CommendationRejected(ID, CAMPAIGN, HEAD, "Chưa đủ điều kiện"))
                    .when(new ApproveCommendation(ID, "Đồng ý"))
                    .expectException(violates("commendation.not-proposed"))
                    .expectNoEvents();
        }

        @Test
        void noConferralAfterRejection() {
            fixture.given(PROPOSED, new CommendationRejected(ID, CAMPAIGN, HEAD, "Chưa đủ điều kiện"))
                    .when(new ConferCommendation(ID, "123/QĐ-UBND", LocalDate.of(2026, 1, 15)))
                    .expectException(violates("commendation.not-approved"))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("revocation")
    class Revocation {
        @Test
        void aConferredCommendationIsRevokedWithAReason() {
            fixture.given(PROPOSED, APPROVED, CONFERRED)
                    .when(new RevokeCommendation(ID, "Phát hiện kê khai sai thành tích"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new CommendationRevoked(ID, CAMPAIGN, HEAD, "Phát hiện kê khai sai thành tích"));
        }

        @Test
        void aRevocationWithoutAReasonIsInvalid() {
            fixture.given(PROPOSED, APPROVED, CONFERRED)
                    .when(new RevokeCommendation(ID, "  "))
                    .expectException(InvalidValue.class)
                    .expectException(invalid("reason"))
                    .expectNoEvents();
        }

        @Test
        void aMerelyProposedCommendationCannotBeRevoked() {
            fixture.given(PROPOSED)
                    .when(new RevokeCommendation(ID, "Phát hiện kê khai sai thành tích"))
                    .expectException(violates("commendation.not-revocable"))
                    .expectNoEvents();
        }

        @Test
        void aRevokedCommendationCannotBeRevokedAgain() {
            fixture.given(PROPOSED, APPROVED, CONFERRED,
                            new CommendationRevoked(ID, CAMPAIGN, HEAD, "Phát hiện kê khai sai thành tích"))
                    .when(new RevokeCommendation(ID, "lần hai"))
                    .expectException(violates("commendation.not-revocable"))
                    .expectNoEvents();
        }
    }
}
