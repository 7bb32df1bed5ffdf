package vn.thidua.eventstore;

/**
 * One row of the event table exactly as stored: every column, the payload and metadata as bytes. What the hash
 * chain covers and what an archive carries; never deserialized.
 */
public record RawEvent(long position, String eventIdentifier, String aggregateType, String aggregateIdentifier,
                       long sequenceNumber, String timeStamp, String payloadType, String payloadRevision,
                       byte[] payload, byte[] metaData) {
}
