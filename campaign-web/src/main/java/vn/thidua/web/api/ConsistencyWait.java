package vn.thidua.web.api;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.async.SequencingPolicy;
import vn.thidua.query.league.CampaignSequencing;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.thidua.query.league.LeagueTableProjection;
import vn.thidua.query.progress.UnitProgressProjection;
import vn.thidua.query.projection.ProcessorPositions;
import vn.thidua.query.store.EventTable;

import java.util.Arrays;
import java.util.List;

/**
 * {@code Consistency: wait} on a write: the answer comes only once the named projections (all, by default; or
 * {@code Consistency: wait; projections=league-table,audit}) have processed the event it recorded.
 */
@Component
public class ConsistencyWait {
    public static final String HEADER = "Consistency";
    private static final List<String> ALL = List.of(LeagueTableProjection.GROUP, UnitProgressProjection.GROUP, "audit");

    private final ProcessorPositions positions;
    private final EventTable events;
    private final EventProcessingConfiguration processing;
    private final long timeoutMillis;

    public ConsistencyWait(ProcessorPositions positions, EventTable events, EventProcessingConfiguration processing,
                           @Value("${thidua.consistency-wait-millis:10000}") long timeoutMillis) {
        this.positions = positions;
        this.processing = processing;
        this.events = events;
        this.timeoutMillis = timeoutMillis;
    }

    static boolean requested(String header) {
        return header != null && header.trim().toLowerCase().startsWith("wait");
    }

    static List<String> projections(String header) {
        int at = header.indexOf("projections=");
        if (at < 0) {
            return ALL;
        }
        return Arrays.stream(header.substring(at + "projections=".length()).split("[,;\\s]+"))
                .filter(s -> !s.isBlank()).toList();
    }

    /** Waits until the stream's latest event is processed; answers false (and says so in a header) on timeout. */
    boolean awaitStream(String streamId, String header, HttpServletResponse response) {
        long position = events.lastPositionOf(streamId);
        if (position < 0) {
            return true;
        }
        long deadline = System.currentTimeMillis() + timeoutMillis;
        for (String projection : projections(header)) {
            String sequence = sequenceOf(processing.sequencingPolicy(projection), streamId);
            while (!positions.covers(projection, position, sequence)) {
                if (System.currentTimeMillis() > deadline) {
                    if (response != null) {
                        response.setHeader("Consistency-Timeout", projection);
                    }
                    return false;
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The sequence the processor's own sequencing policy files the stream's events under, so that its segment is the
     * one asked: the stream itself, or the campaign for a policy that sequences by campaign.
     */
    static String sequenceOf(SequencingPolicy<?> policy, String streamId) {
        return policy instanceof CampaignSequencing ? CampaignSequencing.ofStream(streamId) : streamId;
    }
}
