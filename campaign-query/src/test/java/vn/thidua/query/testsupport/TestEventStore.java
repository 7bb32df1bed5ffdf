package vn.thidua.query.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.thidua.eventstore.EventJson;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A real database (H2 in memory, in PostgreSQL mode) with this module's own Flyway migrations from the classpath
 * (Axon's event store, V1, and the read models, V3 and V5 to V8; the users and node heartbeat tables, V2 and V4,
 * are campaign-web's and not needed here), and an event
 * table written in exactly the form Axon's JDBC engine and Jackson serializer write it. Projection tests replay
 * known histories from it.
 */
public final class TestEventStore {
    public final DriverManagerDataSource dataSource;
    public final JdbcTemplate jdbc;
    public final DataSourceTransactionManager transactions;
    private final ObjectMapper json = EventJson.mapper();
    private final Map<String, Long> sequences = new HashMap<>();

    public TestEventStore() {
        dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
    }

    /**
     * Appends an event and answers it as a tracking processor delivers it: with its stream, its sequence number and
     * a token at its position.
     */
    public TrackedEventMessage<?> appendDelivered(String streamId, String aggregateType, Object event, Instant at,
                                                  String user) {
        long position = append(streamId, aggregateType, event, at, user);
        return delivered(streamId, sequences.get(streamId) - 1, event, position);
    }

    /** An event as a tracking processor delivers it (for redelivering one, or delivering one never appended). */
    public static TrackedEventMessage<?> delivered(String streamId, long sequence, Object event, long position) {
        return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position),
                new GenericDomainEventMessage<>("Participation", streamId, sequence, event));
    }

    /** Appends an event to a stream, as recorded at {@code at} by {@code user}; answers its global position. */
    public long append(String streamId, String aggregateType, Object event, Instant at, String user) {
        long sequence = sequences.merge(streamId, 1L, Long::sum) - 1;
        try {
            jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,"
                            + " time_stamp, payload_type, payload_revision, payload, meta_data)"
                            + " VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)",
                    UUID.randomUUID().toString(), streamId, sequence, aggregateType, at.toString(),
                    event.getClass().getName(), json.writeValueAsBytes(event),
                    json.writeValueAsBytes(Map.of("actorUser", user, "actorRole", "UNIT_OFFICER",
                            "correlationId", UUID.randomUUID().toString())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
    }

    /**
     * Appends a payload exactly as given (stored JSON of an older version, or bytes no reader accepts), as the
     * next event of the stream; answers its global position.
     */
    public long appendRaw(String streamId, String aggregateType, String payloadType, byte[] payload, Instant at) {
        long sequence = sequences.merge(streamId, 1L, Long::sum) - 1;
        jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,"
                        + " time_stamp, payload_type, payload_revision, payload, meta_data)"
                        + " VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)",
                UUID.randomUUID().toString(), streamId, sequence, aggregateType, at.toString(), payloadType, payload,
                "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
    }
}
