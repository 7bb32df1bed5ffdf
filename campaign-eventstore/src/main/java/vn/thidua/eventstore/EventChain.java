package vn.thidua.eventstore;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The SQL of the hash chain over the event table ({@code event_chain}, migration V10), beside {@link EventTable}
 * so that every statement on Axon's table stays in this package. A link names one sealed event by position and
 * identifier and carries its hash; links are numbered in the order they were sealed.
 */
@Component
public class EventChain {
    private static final int FETCH_SIZE = 2000;
    private static final int IN_LIST_SIZE = 500;

    /** One row of the chain. */
    public record Link(long seq, long position, String eventIdentifier, String hash) {
    }

    /** A link and the event now stored at its position (null when no event is there any more). */
    public record LinkedEvent(Link link, RawEvent event) {
    }

    /** Events in the store that no link covers (yet): how many, and the lowest position among them. */
    public record Unsealed(long count, Long firstPosition) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    public EventChain(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The chain's last link, empty while nothing is sealed. */
    public Optional<Link> last() {
        return jdbc.query("SELECT chain_seq, global_index, event_identifier, hash FROM event_chain"
                + " ORDER BY chain_seq DESC LIMIT 1", rs -> rs.next()
                ? Optional.of(new Link(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                : Optional.<Link>empty());
    }

    public long size() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM event_chain", Long.class);
        return n == null ? 0 : n;
    }

    /** How many links there are up to {@code upToSeq}, and the highest position they seal (0 when none). */
    public long[] countAndLastPosition(long upToSeq) {
        return jdbc.queryForObject("SELECT COUNT(*), COALESCE(MAX(global_index), 0) FROM event_chain"
                + " WHERE chain_seq <= ?", (rs, i) -> new long[]{rs.getLong(1), rs.getLong(2)}, upToSeq);
    }

    /** Which of the given positions are already sealed. */
    public Set<Long> sealedAmong(Collection<Long> positions) {
        Set<Long> sealed = new HashSet<>();
        List<Long> all = List.copyOf(positions);
        for (int from = 0; from < all.size(); from += IN_LIST_SIZE) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + IN_LIST_SIZE));
            jdbc.query("SELECT global_index FROM event_chain WHERE global_index IN ("
                            + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")",
                    (RowCallbackHandler) rs -> sealed.add(rs.getLong(1)), chunk.toArray());
        }
        return sealed;
    }

    /** Appends links, in whatever transaction is open. */
    public void append(List<Link> links) {
        if (links.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO event_chain (chain_seq, global_index, event_identifier, hash)"
                + " VALUES (?, ?, ?, ?)", links, links.size(), (ps, l) -> {
                    ps.setLong(1, l.seq());
                    ps.setLong(2, l.position());
                    ps.setString(3, l.eventIdentifier());
                    ps.setString(4, l.hash());
                });
    }

    /**
     * Streams the links with {@code seq <= upToSeq} in chain order, each with the event now stored at its position,
     * from a server-side cursor (constant memory).
     */
    public void forEachLink(long upToSeq, Consumer<LinkedEvent> consumer) {
        readOnly.executeWithoutResult(status -> jdbc.query(con -> {
            var statement = con.prepareStatement("SELECT c.chain_seq, c.global_index AS link_position,"
                    + " c.event_identifier AS link_event, c.hash, " + EventTable.RAW_COLUMNS
                    + " FROM event_chain c LEFT JOIN domain_event_entry e ON e.global_index = c.global_index"
                    + " WHERE c.chain_seq <= ? ORDER BY c.chain_seq");
            statement.setFetchSize(FETCH_SIZE);
            statement.setLong(1, upToSeq);
            return statement;
        }, (RowCallbackHandler) rs -> consumer.accept(new LinkedEvent(new Link(rs.getLong("chain_seq"),
                rs.getLong("link_position"), rs.getString("link_event"), rs.getString("hash")), EventTable.raw(rs)))));
    }

    /** The events at or below {@code upTo} that no link covers. */
    public Unsealed unsealed(long upTo) {
        return jdbc.queryForObject("SELECT COUNT(*), MIN(e.global_index) FROM domain_event_entry e"
                + " WHERE e.global_index <= ? AND NOT EXISTS"
                + " (SELECT 1 FROM event_chain c WHERE c.global_index = e.global_index)", (rs, i) -> {
                    long count = rs.getLong(1);
                    long first = rs.getLong(2);
                    return new Unsealed(count, rs.wasNull() ? null : first);
                }, upTo);
    }
}
