package vn.thidua.eventstore;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.thidua.eventstore.EventJson;
import vn.thidua.eventstore.StoredJsonRepair;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Reads the event table straight over JDBC, in global order, and turns rows into domain events with the same
 * Jackson mapper that wrote them. This is the fast path used by rebuilds, as-of queries and the live league table:
 * no framework between the rows and the pure scoring code.
 */
@Component
public class EventTable {
    private static final String COLUMNS = "global_index, time_stamp, aggregate_identifier, sequence_number, "
            + "payload_type, payload, meta_data";
    private static final int FETCH_SIZE = 2000;
    private static final int IN_LIST_SIZE = 500;
    private static final String BATCH_POSITIONS = "event-table:batch-positions";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final ObjectMapper mapper = EventJson.mapper();
    private final ObjectReader metadataReader = mapper.readerFor(new TypeReference<Map<String, Object>>() { });
    private final Map<String, ObjectReader> readers = new ConcurrentHashMap<>();

    public EventTable(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The highest position written so far (0 when the store is empty). */
    public long headPosition() {
        Long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    /**
     * The last position of one stream, or -1 when it has no events. A stream's events are appended in sequence
     * order (each one after its predecessor committed), so its last event by sequence is also its last by position.
     */
    public long lastPositionOf(String streamId) {
        return lastOf("global_index", streamId).orElse(-1L);
    }

    /**
     * A stream's last sequence number, empty when it has no events; in whatever transaction is open. Read as the
     * first entry of the (stream, sequence) index backwards: {@code MAX(...)} read whole streams under load and cost
     * several times as much (BENCHMARKS.md, "Command path").
     */
    public Optional<Long> lastSequenceOf(String streamId) {
        return lastOf("sequence_number", streamId);
    }

    /** The payload types of a stream's events after {@code afterSequence}, in order (read by the stream's index). */
    public List<String> payloadTypesAfter(String streamId, long afterSequence) {
        return jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND sequence_number > ? ORDER BY sequence_number", String.class, streamId, afterSequence);
    }

    private Optional<Long> lastOf(String column, String streamId) {
        return jdbc.query("SELECT " + column + " FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " ORDER BY sequence_number DESC LIMIT 1",
                rs -> rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty(), streamId);
    }

    /**
     * The global position of a delivered event. A processor's tracking token is not it: when an event fills a gap
     * (written earlier, committed later), the token already points past it.
     */
    public long positionOf(String eventIdentifier) {
        // An event not in the table is an EmptyResultDataAccessException; global_index is never null.
        return jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?",
                Long.class, eventIdentifier);
    }

    /**
     * The global position of an event delivered to a live handler. In an event processor's batch the positions of
     * all the batch's events are read at its first event, in one query (one per batch instead of one per event).
     */
    public long positionOf(EventMessage<?> message) {
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> batch) {
            Map<String, Long> positions = batch.getOrComputeResource(BATCH_POSITIONS,
                    key -> positionsOf(batch.getMessages().stream().map(Message::getIdentifier).toList()));
            Long position = positions.get(message.getIdentifier());
            if (position != null) {
                return position;
            }
        }
        return positionOf(message.getIdentifier());
    }

    /** The positions of the given events that are in the table, by event identifier. */
    public Map<String, Long> positionsOf(Collection<String> eventIdentifiers) {
        Map<String, Long> positions = new HashMap<>();
        List<String> ids = List.copyOf(eventIdentifiers);
        for (int from = 0; from < ids.size(); from += IN_LIST_SIZE) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST_SIZE));
            jdbc.query("SELECT event_identifier, global_index FROM domain_event_entry WHERE event_identifier IN ("
                            + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")",
                    (RowCallbackHandler) rs -> positions.put(rs.getString(1), rs.getLong(2)), chunk.toArray());
        }
        return positions;
    }

    /** When the first event after {@code position} was recorded; empty when there is none. */
    public Optional<Instant> recordedAfter(long position) {
        List<String> next = jdbc.queryForList("SELECT time_stamp FROM domain_event_entry WHERE global_index > ?"
                + " ORDER BY global_index LIMIT 1", String.class, position);
        return next.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(next.get(0)));
    }

    public long count() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        return n == null ? 0 : n;
    }

    /**
     * Streams every event with {@code after < position <= upTo} in global order, without holding them all in
     * memory (a server-side cursor on PostgreSQL needs a transaction and a fetch size).
     */
    public void forEach(long after, long upTo, Consumer<StoredEvent> consumer) {
        readOnly.executeWithoutResult(status -> jdbc.query(con -> {
            var statement = con.prepareStatement("SELECT " + COLUMNS + " FROM domain_event_entry"
                    + " WHERE global_index > ? AND global_index <= ? ORDER BY global_index");
            statement.setFetchSize(FETCH_SIZE);
            statement.setLong(1, after);
            statement.setLong(2, upTo);
            return statement;
        }, (RowCallbackHandler) rs -> consumer.accept(row(rs))));
    }

    /**
     * Like {@link #forEach} but reads only what a rebuild that needs no actor or time reads: position, stream,
     * sequence and payload (metadata and timestamps are neither fetched nor parsed).
     */
    public void forEachPayload(long after, long upTo, Consumer<StoredEvent> consumer) {
        readOnly.executeWithoutResult(status -> jdbc.query(con -> {
            var statement = con.prepareStatement("SELECT global_index, aggregate_identifier, sequence_number,"
                    + " payload_type, payload FROM domain_event_entry"
                    + " WHERE global_index > ? AND global_index <= ? ORDER BY global_index");
            statement.setFetchSize(FETCH_SIZE);
            statement.setLong(1, after);
            statement.setLong(2, upTo);
            return statement;
        }, (RowCallbackHandler) rs -> {
            String type = rs.getString(4);
            consumer.accept(new StoredEvent(rs.getLong(1), null, rs.getString(2), rs.getLong(3), type,
                    payload(type, rs.getBytes(5)), Map.of()));
        }));
    }

    /** Every event of the given streams, in global order. */
    public List<StoredEvent> streams(Collection<String> streamIds) {
        List<StoredEvent> events = new ArrayList<>();
        if (streamIds.isEmpty()) {
            return events;
        }
        List<String> ids = List.copyOf(streamIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            jdbc.query("SELECT " + COLUMNS + " FROM domain_event_entry WHERE aggregate_identifier IN (" + marks + ")",
                    (RowCallbackHandler) rs -> events.add(row(rs)), chunk.toArray());
        }
        events.sort(java.util.Comparator.comparingLong(StoredEvent::position));
        return events;
    }

    /** Every column of the event table, for {@link #raw}: what the hash chain and the archive carry. */
    static final String RAW_COLUMNS = "e.global_index, e.event_identifier, e.type, e.aggregate_identifier,"
            + " e.sequence_number, e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data";

    /** Reads {@link #RAW_COLUMNS} (aliased {@code e}) from the current row; null when the row has no event. */
    static RawEvent raw(ResultSet rs) throws SQLException {
        long position = rs.getLong("global_index");
        if (rs.wasNull()) {
            return null;
        }
        return new RawEvent(position, rs.getString("event_identifier"), rs.getString("type"),
                rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("time_stamp"),
                rs.getString("payload_type"), rs.getString("payload_revision"), rs.getBytes("payload"),
                rs.getBytes("meta_data"));
    }

    /** The given events exactly as stored, by event identifier (those not in the table are absent). */
    public Map<String, RawEvent> rawByIdentifiers(Collection<String> eventIdentifiers) {
        Map<String, RawEvent> rows = new HashMap<>();
        List<String> ids = List.copyOf(eventIdentifiers);
        for (int from = 0; from < ids.size(); from += IN_LIST_SIZE) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST_SIZE));
            jdbc.query("SELECT " + RAW_COLUMNS + " FROM domain_event_entry e WHERE e.event_identifier IN ("
                            + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")",
                    (RowCallbackHandler) rs -> {
                        RawEvent row = raw(rs);
                        rows.put(row.eventIdentifier(), row);
                    }, chunk.toArray());
        }
        return rows;
    }

    /** True when the event table has no row at all (an archive is imported only into an empty store). */
    public boolean isEmpty() {
        return jdbc.query("SELECT global_index FROM domain_event_entry LIMIT 1", rs -> !rs.next());
    }

    /**
     * Inserts events exactly as given, their positions included (an archive's import), in whatever transaction is
     * open. The identity behind {@code global_index} does not move past explicit values: see
     * {@link #continuePositionsAfter}.
     */
    public void insertRaw(List<RawEvent> events) {
        jdbc.batchUpdate("INSERT INTO domain_event_entry (global_index, event_identifier, type, aggregate_identifier,"
                        + " sequence_number, time_stamp, payload_type, payload_revision, payload, meta_data)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", events, events.size(), (ps, e) -> {
                    ps.setLong(1, e.position());
                    ps.setString(2, e.eventIdentifier());
                    ps.setString(3, e.aggregateType());
                    ps.setString(4, e.aggregateIdentifier());
                    ps.setLong(5, e.sequenceNumber());
                    ps.setString(6, e.timeStamp());
                    ps.setString(7, e.payloadType());
                    ps.setString(8, e.payloadRevision());
                    ps.setBytes(9, e.payload());
                    ps.setBytes(10, e.metaData());
                });
    }

    /**
     * Makes the next event appended get a position after {@code position}: after an import with explicit positions
     * the identity would otherwise hand out 1 again. The same statement on PostgreSQL and H2 (DDL: on H2 it commits
     * the open transaction, so call it outside one).
     */
    public void continuePositionsAfter(long position) {
        jdbc.execute("ALTER TABLE domain_event_entry ALTER COLUMN global_index RESTART WITH " + (position + 1));
    }

    private StoredEvent row(ResultSet rs) throws SQLException {
        String type = rs.getString("payload_type");
        byte[] meta = rs.getBytes("meta_data");
        Object payload = payload(type, rs.getBytes("payload"));
        Map<String, Object> metadata;
        try {
            metadata = metadata(meta);
        } catch (UncheckedIOException e) {
            metadata = Map.of();
            payload = new UnreadablePayload(type, "metadata: " + e.getCause().getMessage());
        }
        return new StoredEvent(rs.getLong("global_index"), Instant.parse(rs.getString("time_stamp")),
                rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), type, payload, metadata);
    }

    /**
     * The domain event, null for a type this reader does not know (an event from a newer version), or an
     * {@link UnreadablePayload} when the stored bytes are not the JSON of their type.
     */
    public Object payload(String type, byte[] bytes) {
        ObjectReader reader = readers.computeIfAbsent(type, this::readerFor);
        if (reader == null) {
            return null;
        }
        try {
            return read(reader, bytes);
        } catch (IOException | RuntimeException e) {
            return new UnreadablePayload(type, String.valueOf(e.getMessage()));
        }
    }

    private Object read(ObjectReader reader, byte[] bytes) throws IOException {
        if (StoredJsonRepair.mayNeedRepair(bytes)) {
            JsonNode tree = mapper.readTree(bytes);
            StoredJsonRepair.repair(tree);
            return reader.readValue(tree);
        }
        return reader.readValue(bytes);
    }

    private ObjectReader readerFor(String type) {
        try {
            return mapper.readerFor(Class.forName(type));
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private Map<String, Object> metadata(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return Map.of();
        }
        try {
            return metadataReader.readValue(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stored metadata", e);
        }
    }
}
