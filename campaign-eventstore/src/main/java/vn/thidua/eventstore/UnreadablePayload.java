package vn.thidua.eventstore;

/**
 * What the event-table reader gives for a stored event it cannot read (bytes that are not the JSON of their type):
 * the event is kept in its place, so that every projection and query can hold back what depends on it instead of
 * failing on it or silently skipping it.
 */
public record UnreadablePayload(String payloadType, String reason) {
}
