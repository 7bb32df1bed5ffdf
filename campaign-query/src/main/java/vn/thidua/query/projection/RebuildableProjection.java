package vn.thidua.query.projection;

import vn.thidua.eventstore.StoredEvent;

/**
 * A read model that can be rebuilt from the event table into a new generation of its rows, beside the generation
 * that keeps serving, and then switched to atomically.
 */
public interface RebuildableProjection {
    /** The name operators use in {@code /api/v1/admin/projections/{name}}. */
    String name();

    /** The Axon processing group whose handlers keep this projection current. */
    String processingGroup();

    /** Deletes every row of one generation. */
    void clear(int generation);

    /** Whether a rebuild reads each event's time and metadata; without them the scan is cheaper. */
    default boolean needsMetadata() {
        return true;
    }

    /**
     * The sequence an event belongs to, as this projection's live processor sequences it: an event that cannot be
     * read holds back the later events of its sequence in a rebuild, as its dead letter holds them back live.
     */
    default String sequenceOf(StoredEvent event) {
        return event.streamId();
    }

    /** A builder that writes rows of {@code generation} from events fed to it in global order. */
    Rebuild rebuild(int generation);

    interface Rebuild {
        void accept(StoredEvent event);

        /** Writes what is buffered; called now and then during the scan, each time in its own transaction. */
        void flush();

        /** Writes the rest, inside the transaction that switches generations. */
        default void finish() {
            flush();
        }
    }
}
