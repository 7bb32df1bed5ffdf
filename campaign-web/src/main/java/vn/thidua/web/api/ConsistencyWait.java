package vn.thidua.web.api;

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
    private final long timeoutMillis;

    public ConsistencyWait(ProcessorPositions positions, EventTable events,
                           @Value("${thidua.consistency-wait-millis:10000}") long timeoutMillis) {
        this.positions = positions;
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
            while (!positions.covers(projection, position, sequenceOf(projection, streamId))) {
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

    /** The sequence the projection's processor files the stream's events under, so its segment is the one asked. */
    static String sequenceOf(String projection, String streamId) {
        return LeagueTableProjection.GROUP.equals(projection) ? CampaignSequencing.ofStream(streamId) : streamId;
    }
}
