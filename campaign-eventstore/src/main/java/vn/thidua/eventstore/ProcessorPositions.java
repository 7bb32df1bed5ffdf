package vn.thidua.eventstore;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;

/**
 * How far each event processor has come, read from the shared token table, so it is the same answer on every
 * node whichever node owns which segment.
 */
@Component
public class ProcessorPositions {
    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public ProcessorPositions(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    List<TrackingToken> tokens(String processor) {
        return jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ?",
                (rs, i) -> token(rs.getBytes(1), rs.getString(2)), processor);
    }

    /**
     * The position up to which every segment of the processor has handled every event (the slowest segment's,
     * below its first gap), if all have started.
     */
    public OptionalLong position(String processor) {
        List<TrackingToken> tokens = tokens(processor);
        if (tokens.isEmpty() || tokens.contains(null)) {
            return OptionalLong.empty();
        }
        long min = Long.MAX_VALUE;
        for (TrackingToken token : tokens) {
            OptionalLong p = token.position();
            if (p.isEmpty()) {
                return OptionalLong.empty();
            }
            min = Math.min(min, handledUpTo(token, p.getAsLong()));
        }
        return OptionalLong.of(min);
    }

    /**
     * Below a gap that has since been filled (an event written earlier, committed later, not handled yet) nothing
     * is known to be handled. A gap with no row behind it is a rolled-back insert (a lost race, retried under a
     * new position) or a write still in flight: no visible event is missing there.
     */
    private long handledUpTo(TrackingToken token, long index) {
        if (!(token instanceof GapAwareTrackingToken gapAware) || gapAware.getGaps().isEmpty()) {
            return index;
        }
        List<Long> gaps = gapAware.getGaps().stream().limit(200).toList();
        String marks = String.join(",", Collections.nCopies(gaps.size(), "?"));
        Long filled = jdbc.queryForObject("SELECT MIN(global_index) FROM domain_event_entry WHERE global_index IN ("
                + marks + ")", Long.class, gaps.toArray());
        return filled == null ? index : filled - 1;
    }

    /**
     * Whether the processor has handled the event at {@code position} filed under {@code sequenceIdentifier} (the
     * stream's id, or whatever the processor's sequencing policy files it under): the segment that owns that
     * sequence has passed it. Other segments may store their tokens only every few seconds when they have nothing
     * to do, so they are not waited for.
     */
    public boolean covers(String processor, long position, String sequenceIdentifier) {
        List<Object[]> rows = jdbc.query("SELECT segment, token, token_type FROM token_entry WHERE processor_name = ?",
                (rs, i) -> new Object[]{rs.getInt(1), rs.getBytes(2), rs.getString(3)}, processor);
        if (rows.isEmpty()) {
            return false;
        }
        int[] segmentIds = rows.stream().mapToInt(r -> (Integer) r[0]).toArray();
        TrackingToken upTo = GapAwareTrackingToken.newInstance(position, Collections.emptySortedSet());
        for (Object[] row : rows) {
            if (Segment.computeSegment((Integer) row[0], segmentIds).matches(sequenceIdentifier)) {
                TrackingToken token = token((byte[]) row[1], (String) row[2]);
                return token != null && token.covers(upTo);
            }
        }
        return false;
    }

    private TrackingToken token(byte[] bytes, String type) {
        return bytes == null || type == null ? null
                : serializer.<byte[], TrackingToken>deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type,
                null));
    }
}
