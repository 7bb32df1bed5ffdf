package vn.thidua.web.ui.pages;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.thidua.query.league.LeagueTableQueries;
import vn.thidua.query.league.StoredLeagueTable;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Server-sent events for live dashboards. One shared scheduler thread looks, every two seconds, at the stamp of the
 * stored league table of each campaign that has at least one open dashboard (one indexed single-row query, the same
 * check a league-table GET makes; the rows are read only when the stamp changed) and, when it has changed, sends a
 * {@code league-table} event, carrying the new stamp's tag, to every dashboard of that campaign. No thread per
 * client.
 */
@Component
public class LeagueTableWatcher {
    private static final Logger log = LoggerFactory.getLogger(LeagueTableWatcher.class);
    static final long PERIOD_MILLIS = 2_000;
    static final long EMITTER_TIMEOUT_MILLIS = 30 * 60_000L;
    private static final int HEARTBEAT_EVERY = 10;

    /** The tag of a campaign that has no stored table yet. */
    static final String NONE = "none";

    private final LeagueTableQueries leagueTables;
    private final Map<String, Set<SseEmitter>> listeners = new ConcurrentHashMap<>();
    private final Map<String, String> fingerprints = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "league-table-watcher");
        t.setDaemon(true);
        return t;
    });
    private long ticks;

    public LeagueTableWatcher(LeagueTableQueries leagueTables) {
        this.leagueTables = leagueTables;
        scheduler.scheduleWithFixedDelay(this::tick, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** A new dashboard listens to a campaign; the first message tells it the stream is open. */
    public SseEmitter subscribe(String campaignId) {
        SseEmitter emitter = new SseEmitter(EMITTER_TIMEOUT_MILLIS);
        Set<SseEmitter> set = listeners.computeIfAbsent(campaignId, id -> new CopyOnWriteArraySet<>());
        set.add(emitter);
        Runnable remove = () -> remove(campaignId, emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        fingerprints.computeIfAbsent(campaignId, id -> fingerprintOrZero(id));
        try {
            emitter.send(SseEmitter.event().name("connected").data("ok", MediaType.TEXT_PLAIN)
                    .reconnectTime(5_000));
        } catch (IOException | IllegalStateException e) {
            remove.run();
        }
        return emitter;
    }

    private void remove(String campaignId, SseEmitter emitter) {
        listeners.computeIfPresent(campaignId, (id, set) -> {
            set.remove(emitter);
            return set.isEmpty() ? null : set;
        });
        if (!listeners.containsKey(campaignId)) {
            fingerprints.remove(campaignId);
        }
    }

    void tick() {
        try {
            boolean heartbeat = ++ticks % HEARTBEAT_EVERY == 0;
            for (String campaignId : List.copyOf(listeners.keySet())) {
                String now = fingerprint(campaignId);
                String before = fingerprints.put(campaignId, now);
                if (before != null && !before.equals(now)) {
                    broadcast(campaignId, SseEmitter.event().name("league-table").data(now, MediaType.TEXT_PLAIN));
                } else if (heartbeat) {
                    broadcast(campaignId, SseEmitter.event().comment("heartbeat"));
                }
            }
        } catch (RuntimeException e) {
            log.warn("League table watcher: {}", e.toString());
        }
    }

    private void broadcast(String campaignId, SseEmitter.SseEventBuilder event) {
        Set<SseEmitter> set = listeners.get(campaignId);
        if (set == null) {
            return;
        }
        for (SseEmitter emitter : set) {
            try {
                emitter.send(event);
            } catch (IOException | IllegalStateException e) {
                remove(campaignId, emitter);
                emitter.completeWithError(e);
            }
        }
    }

    private String fingerprintOrZero(String campaignId) {
        try {
            return fingerprint(campaignId);
        } catch (RuntimeException e) {
            return NONE;
        }
    }

    /**
     * The stored table's stamp (serving generation, last position, computed at) as its tag: every write of the
     * table, and a generation switch, changes it.
     */
    String fingerprint(String campaignId) {
        return leagueTables.stored(campaignId).map(StoredLeagueTable::stamp).map(StoredLeagueTable.Stamp::etag)
                .orElse(NONE);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
        listeners.values().forEach(set -> set.forEach(SseEmitter::complete));
        listeners.clear();
    }
}
