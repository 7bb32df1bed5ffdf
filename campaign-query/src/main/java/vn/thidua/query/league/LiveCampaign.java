package vn.thidua.query.league;

import vn.thidua.domain.scoring.CampaignHistory;

import java.util.HashMap;
import java.util.Map;

/**
 * One open campaign's history kept folded in memory by the live league-table projection, so a batch applies only
 * its own events instead of re-reading the campaign. Each stream's events apply in sequence order and at most once:
 * an event the fold already holds (it was loaded from the store after the event committed, or a dead letter is
 * retried) is skipped. Not thread-safe: the projection holds the campaign's lock.
 */
final class LiveCampaign {
    private final CampaignHistory history;
    private final Map<String, Long> lastSequences;
    private final int generation;
    private long lastPosition;

    private LiveCampaign(CampaignHistory history, Map<String, Long> lastSequences, long lastPosition,
                         int generation) {
        this.history = history;
        this.lastSequences = new HashMap<>(lastSequences);
        this.lastPosition = lastPosition;
        this.generation = generation;
    }

    static LiveCampaign loaded(CampaignHistories.Folded folded, int generation) {
        return new LiveCampaign(folded.history(), folded.lastSequences(), folded.lastPosition(), generation);
    }

    enum Outcome { APPLIED, ALREADY_HELD, EARLIER_MISSING }

    /**
     * Applies the event if it is the next of its stream; an event the fold already holds changes nothing, and one
     * whose predecessor the fold never saw (another node processed it) is refused so the caller can reload.
     *
     * @param position where the processor stood when it delivered the event (at least the event's own position)
     */
    Outcome apply(String streamId, long sequence, Object payload, long position) {
        long last = lastSequences.getOrDefault(streamId, -1L);
        if (sequence <= last) {
            return Outcome.ALREADY_HELD;
        }
        if (sequence > last + 1) {
            return Outcome.EARLIER_MISSING;
        }
        history.apply(payload);
        lastSequences.put(streamId, sequence);
        lastPosition = Math.max(lastPosition, position);
        return Outcome.APPLIED;
    }

    CampaignHistory history() {
        return history;
    }

    long lastPosition() {
        return lastPosition;
    }

    int generation() {
        return generation;
    }

    long eventsApplied() {
        return history.eventsApplied();
    }
}
