package vn.thidua.query.projection;

import org.axonframework.eventhandling.GapAwareTrackingToken;
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
        return jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ?", (rs, i) -> {
            byte[] bytes = rs.getBytes(1);
            String type = rs.getString(2);
            return bytes == null || type == null ? null
                    : serializer.<byte[], TrackingToken>deserialize(new SimpleSerializedObject<>(bytes, byte[].class,
                    type, null));
        }, processor);
    }

    /** The position every segment of the processor has passed (the slowest segment's), if all have started. */
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
            min = Math.min(min, p.getAsLong());
        }
        return OptionalLong.of(min);
    }

    /** Whether every segment of the processor has handled every event up to and including {@code position}. */
    public boolean covers(String processor, long position) {
        List<TrackingToken> tokens = tokens(processor);
        if (tokens.isEmpty()) {
            return false;
        }
        TrackingToken upTo = GapAwareTrackingToken.newInstance(position, Collections.emptySortedSet());
        return tokens.stream().allMatch(t -> t != null && t.covers(upTo));
    }
}
