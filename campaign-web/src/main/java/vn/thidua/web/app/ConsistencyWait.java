package vn.thidua.web.app;

import org.axonframework.config.EventProcessingConfiguration;
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
        long position = events.lastPositionOf(streamId);
        if (position < 0) {
            return null;
        }
        long deadline = System.currentTimeMillis() + timeoutMillis;
        for (String projection : consistency.allProjections() ? projections : consistency.projections()) {
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

    /**
     * The sequence the processor's own sequencing policy files the stream's events under, so that its segment is the
     * one asked: the stream itself, or the campaign for a policy that sequences by campaign.
     */
    static String sequenceOf(SequencingPolicy<?> policy, String streamId) {
        return policy instanceof CampaignSequencing ? CampaignSequencing.ofStream(streamId) : streamId;
    }
}
