package vn.thidua.web.app;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.thidua.query.league.CampaignSequencing;
import vn.thidua.eventstore.ProcessorPositions;
import vn.thidua.query.projection.RebuildableProjection;
import vn.thidua.eventstore.EventTable;

import java.util.List;

/**
 * Waits until projections have processed a stream's latest event: every projection's processor, or those the
 * {@link Consistency} names, each asked in the segment its own sequencing policy files the stream under.
 */
@Component
public class ConsistencyWait {
    private final ProcessorPositions positions;
    private final EventTable events;
    private final EventProcessingConfiguration processing;
    private final List<String> projections;
    private final long timeoutMillis;

    public ConsistencyWait(ProcessorPositions positions, EventTable events, EventProcessingConfiguration processing,
                           List<RebuildableProjection> projections,
                           @Value("${thidua.consistency-wait-millis:10000}") long timeoutMillis) {
        this.positions = positions;
        this.processing = processing;
        this.events = events;
        this.projections = projections.stream().map(RebuildableProjection::processingGroup).sorted().toList();
        this.timeoutMillis = timeoutMillis;
    }

    /** Answers null once caught up, or the first projection that had not caught up when the wait timed out. */
    String await(String streamId, Consistency consistency) {
        return await(streamId, consistency, Long.MAX_VALUE);
    }

    /**
     * As above, after a command that may have appended to the stream after {@code afterSequence}: of the projections
     * asked, only those whose processor handles one of the appended events' types are waited for (a projection that
     * skips them, such as the ballots' for a report, advances its token only now and then, which would make every
     * such wait run to its timeout). When nothing was appended (a repeat), every projection asked is waited for,
     * up to the stream's last event.
     */
    String await(String streamId, Consistency consistency, long afterSequence) {
        long position = events.lastPositionOf(streamId);
        if (position < 0) {
            return null;
        }
        List<Class<?>> appended = afterSequence == Long.MAX_VALUE ? List.of()
                : events.payloadTypesAfter(streamId, afterSequence).stream().map(ConsistencyWait::typeOf).toList();
        long deadline = System.currentTimeMillis() + timeoutMillis;
        for (String projection : consistency.allProjections() ? projections : consistency.projections()) {
            if (!appended.isEmpty() && !handlesAny(projection, appended)) {
                continue;
            }
            String sequence = sequenceOf(processing.sequencingPolicy(projection), streamId);
            while (!positions.covers(projection, position, sequence)) {
                if (System.currentTimeMillis() > deadline) {
                    return projection;
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return projection;
                }
            }
        }
        return null;
    }

    private boolean handlesAny(String projection, List<Class<?>> types) {
        return processing.eventProcessor(projection)
                .map(p -> !(p instanceof AbstractEventProcessor a)
                        || types.stream().anyMatch(t -> t == null || a.eventHandlerInvoker().canHandleType(t)))
                .orElse(true);
    }

    /** The class of a stored payload type, or null (handled by anyone, to be safe) when it is not on the classpath. */
    private static Class<?> typeOf(String payloadType) {
        try {
            return Class.forName(payloadType);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /**
     * The sequence the processor's own sequencing policy files the stream's events under, so that its segment is the
     * one asked: the stream itself, or the campaign for a policy that sequences by campaign.
     */
    static String sequenceOf(SequencingPolicy<?> policy, String streamId) {
        return policy instanceof CampaignSequencing ? CampaignSequencing.ofStream(streamId) : streamId;
    }
}
