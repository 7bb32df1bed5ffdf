package vn.thidua.query.ballot;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.ballot.BallotClosed;
import vn.thidua.domain.ballot.BallotOpened;
import vn.thidua.domain.ballot.BallotVoted;
import vn.thidua.domain.ballot.Candidate;
import vn.thidua.domain.ballot.CandidateResult;
import vn.thidua.domain.ballot.Choice;
import vn.thidua.domain.commendation.Award;
import vn.thidua.domain.shared.StreamIds;
import vn.thidua.eventstore.EventTable;
import vn.thidua.query.projection.ProjectionRebuilder;
import vn.thidua.query.projection.ProjectionStates;
import vn.thidua.query.testsupport.TestEventStore;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The ballots projection: what a ballot is, who voted, the tally; idempotent, and a rebuild gives the same rows. */
class BallotProjectionTest {
    private static final Instant T0 = Instant.parse("2026-01-12T01:00:00Z");
    private static final String BALLOT = "b1";
    private static final Candidate FLAG = new Candidate("A", Award.PROVINCIAL_FLAG);

    private TestEventStore store;
    private BallotStore ballots;
    private ProjectionStates states;
    private BallotProjection projection;
    private BallotQueries queries;
    private long seconds;

    @BeforeEach
    void setUp() {
        store = new TestEventStore();
        Clock clock = Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC);
        ballots = new BallotStore(store.jdbc);
        states = new ProjectionStates(store.jdbc, clock);
        projection = new BallotProjection(ballots, states);
        queries = new BallotQueries(ballots, states);
    }

    private void record(Object event) {
        store.append(StreamIds.ballot(BALLOT), "Ballot", event, T0.plusSeconds(seconds += 600), "tester");
        BallotProjection.apply(ballots, 0, event);
    }

    private void history() {
        record(new BallotOpened(BALLOT, "c1", "Bình xét Cờ thi đua năm 2025", T0.plusSeconds(86_400), List.of(FLAG),
                List.of("A", "B", "C")));
        record(new BallotVoted(BALLOT, "B"));
        record(new BallotVoted(BALLOT, "A"));
        record(new BallotClosed(BALLOT, "c1", List.of(new CandidateResult("A", Award.PROVINCIAL_FLAG, 1, 1, 0, 2)),
                List.of(Map.of(FLAG.key(), Choice.AGAINST), Map.of(FLAG.key(), Choice.FOR))));
    }

    @Test
    void showsTurnoutWhileOpenAndTheTallyOnceClosed() {
        record(new BallotOpened(BALLOT, "c1", "Bình xét", T0.plusSeconds(86_400), List.of(FLAG), List.of("A", "B")));
        record(new BallotVoted(BALLOT, "B"));
        BallotView open = queries.require(BALLOT);
        assertThat(open.status()).isEqualTo(BallotView.OPEN);
        assertThat(open.voted()).containsExactly("B");
        assertThat(open.results()).isNull();
        assertThat(queries.due(T0.plusSeconds(86_399))).isEmpty();
        assertThat(queries.due(T0.plusSeconds(86_400))).extracting(BallotView::ballotId).containsExactly(BALLOT);
    }

    @Test
    void applyingTheSameEventTwiceChangesNothing() {
        history();
        BallotView once = queries.require(BALLOT);
        BallotProjection.apply(ballots, 0, new BallotVoted(BALLOT, "A"));
        assertThat(queries.require(BALLOT)).isEqualTo(once);
        assertThat(once.voted()).containsExactly("A", "B");
        assertThat(once.status()).isEqualTo(BallotView.CLOSED);
        assertThat(once.results()).singleElement().satisfies(r -> assertThat(r.cast()).isEqualTo(2));
    }

    @Test
    void aRebuildGivesTheSameBallot() {
        history();
        BallotView live = queries.require(BALLOT);
        new ProjectionRebuilder(List.of(projection), states, new EventTable(store.jdbc, store.transactions),
                store.transactions).replayNow(BallotProjection.NAME);
        assertThat(states.activeGeneration(BallotProjection.NAME)).isEqualTo(1);
        assertThat(queries.require(BALLOT)).isEqualTo(live);
        assertThat(queries.ofCampaign("c1")).containsExactly(live);
    }
}
