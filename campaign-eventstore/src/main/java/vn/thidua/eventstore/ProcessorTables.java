package vn.thidua.eventstore;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * What operators read of Axon's processor tables beyond a processor's position: its dead letters, each with the
 * stored event it holds (stream, sequence and global position), and how many segments its tokens have.
 */
@Component
public class ProcessorTables {
    private final JdbcTemplate jdbc;

    public ProcessorTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One dead letter: the event it holds and why it is there. {@code position} is null for an event not stored. */
    public record DeadLetter(String id, String processingGroup, String eventType, String aggregateId,
                             Long sequenceNumber, Long position, String cause, String enqueuedAt, String lastTouched) {
    }

    /** The processing group's dead letters, in the order their sequences would be retried. */
    public List<DeadLetter> deadLetters(String processingGroup) {
        return jdbc.query("SELECT d.dead_letter_id, d.processing_group, d.payload_type, d.aggregate_identifier,"
                        + " d.sequence_number, e.global_index, d.cause_message, d.enqueued_at, d.last_touched"
                        + " FROM dead_letter_entry d LEFT JOIN domain_event_entry e"
                        + " ON e.event_identifier = d.event_identifier"
                        + " WHERE d.processing_group = ? ORDER BY d.sequence_identifier, d.sequence_index",
                (rs, i) -> new DeadLetter(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Long) rs.getObject(5, Long.class), (Long) rs.getObject(6, Long.class), rs.getString(7),
                        rs.getString(8), rs.getString(9)), processingGroup);
    }

    /** How many segments the processor's tokens are split into (0 before it first ran). */
    public long segments(String processor) {
        Long segments = jdbc.queryForObject("SELECT COUNT(*) FROM token_entry WHERE processor_name = ?", Long.class,
                processor);
        return segments == null ? 0 : segments;
    }
}
