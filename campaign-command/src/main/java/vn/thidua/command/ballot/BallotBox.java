package vn.thidua.command.ballot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.thidua.domain.ballot.Choice;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The ballot box (table ballot_box): the choices of each vote, under a random id, with no time, no sequence, no
 * user and no unit. Each write is its own transaction (never the one that records BallotVoted, so the two never
 * share a transaction id). Nothing here logs, and no message names a choice. README, "Secret ballot: threat model".
 */
public class BallotBox {
    private static final TypeReference<TreeMap<String, Choice>> CHOICES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final SecureRandom random = new SecureRandom();
    private final ObjectMapper mapper = new ObjectMapper();

    private final BoxSeal seal;

    public BallotBox(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this(jdbc, transactions, new BoxSeal(null));
    }

    public BallotBox(JdbcTemplate jdbc, PlatformTransactionManager transactions, BoxSeal seal) {
        this.jdbc = jdbc;
        this.seal = seal;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Drops one ballot into the box, in a transaction of its own. */
    public void drop(String ballotId, Map<String, Choice> choices) {
        String json = seal.seal(ballotId, json(new TreeMap<>(choices)));
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                "INSERT INTO ballot_box (slot_id, ballot_id, choices) VALUES (?, ?, ?)",
                randomId(), ballotId, json));
    }

    public int count(String ballotId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM ballot_box WHERE ballot_id = ?", Integer.class,
                ballotId);
        return n == null ? 0 : n;
    }

    /** The box's ballots in random order: read in the order of their random ids, then shuffled again. */
    public List<Map<String, Choice>> shuffled(String ballotId) {
        List<Map<String, Choice>> ballots = new ArrayList<>(jdbc.query(
                "SELECT choices FROM ballot_box WHERE ballot_id = ? ORDER BY slot_id",
                (rs, i) -> parse(seal.open(ballotId, rs.getString(1))), ballotId));
        Collections.shuffle(ballots, random);
        return ballots;
    }

    /**
     * Empties the box of a closed ballot (the tally event holds its ballots now); on PostgreSQL then vacuums the table,
     * so the deleted rows' versions (with their transaction ids and physical order) do not linger in its pages. Best
     * effort: a vacuum that cannot run now (another one running, no privilege) leaves it to autovacuum.
     */
    public void empty(String ballotId) {
        ownTransaction.executeWithoutResult(status ->
                jdbc.update("DELETE FROM ballot_box WHERE ballot_id = ?", ballotId));
        // VACUUM cannot run inside a transaction (and its failure would abort the caller's): only outside one.
        if (!org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()
                && postgres()) {
            try {
                jdbc.execute("VACUUM ballot_box");
            } catch (RuntimeException leftToAutovacuum) {
                // nothing to report: no ballot is lost, only a vacuum deferred
            }
        }
    }

    private boolean postgres() {
        Boolean pg = jdbc.execute((java.sql.Connection c) ->
                c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres"));
        return Boolean.TRUE.equals(pg);
    }

    /** A version-4 UUID: 122 bits from the JDK's SecureRandom, unrelated to time or order. */
    private static String randomId() {
        return UUID.randomUUID().toString();
    }

    private String json(Map<String, Choice> choices) {
        try {
            return mapper.writeValueAsString(choices);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a ballot could not be written");
        }
    }

    private Map<String, Choice> parse(String json) {
        try {
            return mapper.readValue(json, CHOICES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a ballot in the box could not be read");
        }
    }
}
