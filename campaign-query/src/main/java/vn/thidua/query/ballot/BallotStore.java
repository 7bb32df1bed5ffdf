package vn.thidua.query.ballot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.thidua.domain.ballot.BallotClosed;
import vn.thidua.domain.ballot.BallotOpened;
import vn.thidua.domain.ballot.BallotVoted;
import vn.thidua.domain.ballot.Candidate;
import vn.thidua.domain.ballot.CandidateResult;
import vn.thidua.eventstore.EventJson;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The ballot_view and ballot_voter tables, written by key so that applying an event twice changes nothing. */
@Component
public class BallotStore {
    private static final TypeReference<List<Candidate>> CANDIDATES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> CODES = new TypeReference<>() {
    };
    private static final TypeReference<List<CandidateResult>> RESULTS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper = EventJson.mapper();

    public BallotStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void opened(int generation, BallotOpened e) {
        jdbc.update("DELETE FROM ballot_view WHERE generation = ? AND ballot_id = ?", generation, e.ballotId());
        jdbc.update("INSERT INTO ballot_view (generation, ballot_id, campaign_id, title, closes_at, candidates,"
                        + " eligible, status, results) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)", generation, e.ballotId(),
                e.campaignId(), e.title(), e.closesAt().toString(), json(e.candidates()), json(e.eligible()),
                BallotView.OPEN);
    }

    void voted(int generation, BallotVoted e) {
        jdbc.update("DELETE FROM ballot_voter WHERE generation = ? AND ballot_id = ? AND unit_code = ?", generation,
                e.ballotId(), e.unitCode());
        jdbc.update("INSERT INTO ballot_voter (generation, ballot_id, unit_code) VALUES (?, ?, ?)", generation,
                e.ballotId(), e.unitCode());
    }

    void closed(int generation, BallotClosed e) {
        jdbc.update("UPDATE ballot_view SET status = ?, results = ? WHERE generation = ? AND ballot_id = ?",
                BallotView.CLOSED, json(e.results()), generation, e.ballotId());
    }

    void clear(int generation) {
        jdbc.update("DELETE FROM ballot_voter WHERE generation = ?", generation);
        jdbc.update("DELETE FROM ballot_view WHERE generation = ?", generation);
    }

    Optional<BallotView> find(int generation, String ballotId) {
        return jdbc.query("SELECT * FROM ballot_view WHERE generation = ? AND ballot_id = ?",
                (rs, i) -> view(generation, rs), generation, ballotId).stream().findFirst();
    }

    List<BallotView> ofCampaign(int generation, String campaignId) {
        return jdbc.query("SELECT * FROM ballot_view WHERE generation = ? AND campaign_id = ? ORDER BY closes_at,"
                + " ballot_id", (rs, i) -> view(generation, rs), generation, campaignId);
    }

    List<BallotView> openDueBy(int generation, Instant now) {
        return jdbc.query("SELECT * FROM ballot_view WHERE generation = ? AND status = ?",
                (rs, i) -> view(generation, rs), generation, BallotView.OPEN).stream()
                .filter(b -> !b.closesAt().isAfter(now)).toList();
    }

    private BallotView view(int generation, ResultSet rs) throws SQLException {
        String ballotId = rs.getString("ballot_id");
        List<String> voted = jdbc.queryForList("SELECT unit_code FROM ballot_voter WHERE generation = ?"
                + " AND ballot_id = ? ORDER BY unit_code", String.class, generation, ballotId);
        String results = rs.getString("results");
        return new BallotView(ballotId, rs.getString("campaign_id"), rs.getString("title"), rs.getString("status"),
                Instant.parse(rs.getString("closes_at")), read(rs.getString("candidates"), CANDIDATES),
                read(rs.getString("eligible"), CODES), voted, results == null ? null : read(results, RESULTS));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
