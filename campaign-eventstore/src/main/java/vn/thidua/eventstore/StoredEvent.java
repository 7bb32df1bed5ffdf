package vn.thidua.eventstore;

import java.time.Instant;
import java.util.Map;

/**
 * One row of the event store, read directly: its global position, when it was recorded, its stream and sequence,
 * the domain event, and the metadata (actor, correlation).
 */
public record StoredEvent(long position, Instant at, String streamId, long sequence, String payloadType,
                          Object payload, Map<String, Object> metadata) {

    public String metadataText(String key) {
        Object value = metadata.get(key);
        return value == null ? null : value.toString();
    }

    /** Whether the stored bytes could not be read as their type (see {@link UnreadablePayload}). */
    public boolean unreadable() {
        return payload instanceof UnreadablePayload;
    }

    public String typeName() {
        int dot = payloadType.lastIndexOf('.');
        return dot < 0 ? payloadType : payloadType.substring(dot + 1);
    }
}
