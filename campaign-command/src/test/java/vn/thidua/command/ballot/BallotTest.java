package vn.thidua.command.ballot;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.thidua.command.testsupport.FakeLookups;
import vn.thidua.command.testsupport.Fixtures;
import vn.thidua.command.testsupport.MutableClock;
import vn.thidua.domain.ballot.BallotClosed;
import vn.thidua.domain.ballot.BallotOpened;
import vn.thidua.domain.ballot.BallotVoted;
import vn.thidua.domain.ballot.Candidate;
import vn.thidua.domain.ballot.CandidateResult;
import vn.thidua.domain.ballot.CastVote;
import vn.thidua.domain.ballot.Choice;
import vn.thidua.domain.ballot.CloseBallot;
import vn.thidua.domain.ballot.OpenBallot;
import vn.thidua.domain.commendation.Award;
import vn.thidua.domain.shared.NotPermitted;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static vn.thidua.command.testsupport.Refusals.invalid;
import static vn.thidua.command.testsupport.Refusals.violates;
import static vn.thidua.command.testsupport.SampleCampaign.CAMPAIGN;
import static vn.thidua.command.testsupport.SampleCampaign.HEAD;
import static vn.thidua.command.testsupport.SampleCampaign.OUTSIDER;
import static vn.thidua.command.testsupport.SampleCampaign.U2;
import static vn.thidua.command.testsupport.SampleCampaign.U3;
import static vn.thidua.command.testsupport.SampleCampaign.openTerms;
import static vn.thidua.command.testsupport.SampleCampaign.sample;

@DisplayName("Ballot: opened after close, one secret vote per member unit, closed once with the box's ballots")
class BallotTest {
    private static final String ID = "b1";
    private static final String TITLE = "Bình xét Cờ thi đua năm 2025";
    private static final Instant CLOSES_AT = MutableClock.vietnamTime("2026-01-20T17:00");
    private static final Candidate FLAG = new Candidate(HEAD, Award.PROVINCIAL_FLAG);
    private static final Candidate MERIT = new Candidate(U2, Award.CERTIFICATE_OF_MERIT);
    private static final List<Candidate> CANDIDATES = List.of(FLAG, MERIT);
    private static final BallotOpened OPENED =
            new BallotOpened(ID, CAMPAIGN, TITLE, CLOSES_AT, CANDIDATES, List.of(HEAD, U2, "U3"));
    private static final Map<String, String> YES_NO = Map.of(FLAG.key(), "FOR", MERIT.key(), "AGAINST");

    private FakeLookups campaigns;
    private final MutableClock clock = MutableClock.atVietnamTime("2026-01-15T09:00");
    private AggregateTestFixture<Ballot> fixture;

    @BeforeEach
    void setUp() {
        campaigns = new FakeLookups().with(sample().terms().closedNow());
        fixture = Fixtures.of(Ballot.class);
        fixture.registerInjectableResource(campaigns);
        fixture.registerInjectableResource(clock);
    }

    @Nested
    @DisplayName("opening")
    class Opening {
        @Test
        void aBallotAfterCloseIsOpenedForEveryMember() {
            fixture.givenNoPriorActivity()
                    .when(new OpenBallot(ID, CAMPAIGN, TITLE, CLOSES_AT, CANDIDATES))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(OPENED);
        }

        @Test
        void noBallotBeforeTheCampaignCloses() {
            campaigns.with(openTerms());
            fixture.givenNoPriorActivity()
                    .when(new OpenBallot(ID, CAMPAIGN, TITLE, CLOSES_AT, CANDIDATES))
                    .expectException(violates("ballot.campaign-open"))
                    .expectNoEvents();
        }

        @Test
        void aCandidateMustBeAMember() {
            fixture.givenNoPriorActivity()
                    .when(new OpenBallot(ID, CAMPAIGN, TITLE, CLOSES_AT,
                            List.of(FLAG, new Candidate(OUTSIDER, Award.CERTIFICATE))))
                    .expectException(invalid("candidates[1].unitCode"))
                    .expectNoEvents();
        }

        @Test
        void aCandidateOnlyOnce() {
            fixture.givenNoPriorActivity()
                    .when(new OpenBallot(ID, CAMPAIGN, TITLE, CLOSES_AT, List.of(FLAG, FLAG)))
                    .expectException(invalid("candidates[1]"))
                    .expectNoEvents();
        }

        @Test
        void noBallotClosingInThePast() {
            clock.setVietnamTime("2026-01-21T09:00");
            fixture.givenNoPriorActivity()
                    .when(new OpenBallot(ID, CAMPAIGN, TITLE, CLOSES_AT, CANDIDATES))
                    .expectException(violates("ballot.closes-in-past"))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("voting")
    class Voting {
        @Test
        void aMemberVotesAndOnlyTheTurnoutIsRecorded() {
            fixture.given(OPENED)
                    .when(new CastVote(ID, U2, YES_NO))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new BallotVoted(ID, U2));
        }

        @Test
        void aSecondVoteOfTheSameUnitIsRefused() {
            fixture.given(OPENED, new BallotVoted(ID, U2))
                    .when(new CastVote(ID, U2, YES_NO))
                    .expectException(violates("ballot.already-voted"))
                    .expectNoEvents();
        }

        @Test
        void anotherUnitStillVotes() {
            fixture.given(OPENED, new BallotVoted(ID, U2))
                    .when(new CastVote(ID, U3, YES_NO))
                    .expectEvents(new BallotVoted(ID, U3));
        }

        @Test
        void aUnitOutsideTheClusterIsNotPermitted() {
            fixture.given(OPENED)
                    .when(new CastVote(ID, OUTSIDER, YES_NO))
                    .expectException(NotPermitted.class)
                    .expectException(violates("ballot.not-eligible"))
                    .expectNoEvents();
        }

        @Test
        void aVoteBeforeClosesAtIsRecorded() {
            clock.setVietnamTime("2026-01-20T16:59");
            fixture.given(OPENED)
                    .when(new CastVote(ID, HEAD, YES_NO))
                    .expectEvents(new BallotVoted(ID, HEAD));
        }

        @Test
        void aVoteAtOrAfterClosesAtIsRefused() {
            clock.setVietnamTime("2026-01-20T17:00");
            fixture.given(OPENED)
                    .when(new CastVote(ID, HEAD, YES_NO))
                    .expectException(violates("ballot.past-closing"))
                    .expectNoEvents();
        }

        @Test
        void aVoteAfterTheCloseIsRefused() {
            fixture.given(OPENED, new BallotVoted(ID, U2), closed(List.of(ballot(Choice.FOR, Choice.AGAINST))))
                    .when(new CastVote(ID, HEAD, YES_NO))
                    .expectException(violates("ballot.closed"))
                    .expectNoEvents();
        }

        @Test
        void everyCandidateNeedsAChoice() {
            fixture.given(OPENED)
                    .when(new CastVote(ID, U2, Map.of(FLAG.key(), "FOR")))
                    .expectException(invalid("choices." + MERIT.key()))
                    .expectNoEvents();
        }

        @Test
        void aChoiceIsForAgainstOrAbstain() {
            fixture.given(OPENED)
                    .when(new CastVote(ID, U2, Map.of(FLAG.key(), "FOR", MERIT.key(), "MAYBE")))
                    .expectException(invalid("choices." + MERIT.key()))
                    .expectNoEvents();
        }

        @Test
        void noChoiceOnSomethingNotACandidate() {
            fixture.given(OPENED)
                    .when(new CastVote(ID, U2, Map.of(FLAG.key(), "FOR", MERIT.key(), "FOR",
                            "U3:CERTIFICATE", "FOR")))
                    .expectException(invalid("choices"))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("closing")
    class Closing {
        @Test
        void theCloseTalliesTheBox() {
            List<Map<String, Choice>> box = List.of(ballot(Choice.FOR, Choice.AGAINST),
                    ballot(Choice.FOR, Choice.ABSTAIN), ballot(Choice.AGAINST, Choice.FOR));
            fixture.given(OPENED, new BallotVoted(ID, U2), new BallotVoted(ID, HEAD), new BallotVoted(ID, U3))
                    .when(new CloseBallot(ID, box))
                    .expectEvents(new BallotClosed(ID, CAMPAIGN, List.of(
                            new CandidateResult(HEAD, Award.PROVINCIAL_FLAG, 2, 1, 0, 3),
                            new CandidateResult(U2, Award.CERTIFICATE_OF_MERIT, 1, 1, 1, 3)), box));
        }

        @Test
        void aBallotWithNoVotesClosesWithNothingCast() {
            fixture.given(OPENED)
                    .when(new CloseBallot(ID, List.of()))
                    .expectEvents(closedEmpty());
        }

        @Test
        void closingTwiceIsRefusedAndRecordsNothing() {
            fixture.given(OPENED, closedEmpty())
                    .when(new CloseBallot(ID, List.of()))
                    .expectException(violates("ballot.closed"))
                    .expectNoEvents();
        }

        @Test
        void noMoreBallotsThanVoters() {
            fixture.given(OPENED, new BallotVoted(ID, U2))
                    .when(new CloseBallot(ID, List.of(ballot(Choice.FOR, Choice.FOR), ballot(Choice.FOR, Choice.FOR))))
                    .expectException(violates("ballot.box-exceeds-turnout"))
                    .expectNoEvents();
        }

        @Test
        void aBallotInTheBoxNamesEveryCandidate() {
            fixture.given(OPENED, new BallotVoted(ID, U2))
                    .when(new CloseBallot(ID, List.of(Map.of(FLAG.key(), Choice.FOR))))
                    .expectException(violates("ballot.box-invalid"))
                    .expectNoEvents();
        }
    }

    private static Map<String, Choice> ballot(Choice flag, Choice merit) {
        return Map.of(FLAG.key(), flag, MERIT.key(), merit);
    }

    private static BallotClosed closed(List<Map<String, Choice>> box) {
        return new BallotClosed(ID, CAMPAIGN, List.of(
                new CandidateResult(HEAD, Award.PROVINCIAL_FLAG, 1, 0, 0, 1),
                new CandidateResult(U2, Award.CERTIFICATE_OF_MERIT, 0, 1, 0, 1)), box);
    }

    private static BallotClosed closedEmpty() {
        return new BallotClosed(ID, CAMPAIGN, List.of(
                new CandidateResult(HEAD, Award.PROVINCIAL_FLAG, 0, 0, 0, 0),
                new CandidateResult(U2, Award.CERTIFICATE_OF_MERIT, 0, 0, 0, 0)), List.of());
    }
}
