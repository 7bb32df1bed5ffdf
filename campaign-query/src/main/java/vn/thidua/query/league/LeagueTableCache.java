package vn.thidua.query.league;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The current league tables kept in memory, checked against the database on every read, so that every node answers
 * what is committed, never a stale table. A read asks the stamp of the campaign's stored table in the serving
 * generation (one indexed single-row query); when it equals the remembered one, the remembered table is the answer;
 * otherwise the table is read again together with its own stamp, in one statement, and remembered under that stamp.
 * One Caffeine cache, bounded by {@code size} campaigns; what is derived from one stored write (its JSON,
 * {@link StoredLeagueTable#json}) lives in the remembered entry and leaves with it.
 */
final class LeagueTableCache {
    static final int DEFAULT_SIZE = 500;

    private final LeagueTableStore store;
    private final Cache<String, StoredLeagueTable> tables;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    LeagueTableCache(LeagueTableStore store, int size) {
        this.store = store;
        // Maintenance (eviction) on the calling thread: no pool, and size() is exact after cleanUp.
        this.tables = Caffeine.newBuilder().maximumSize(size).executor(Runnable::run).build();
    }

    /** The campaign's stored table in the serving generation, or empty while the projection has stored none. */
    Optional<StoredLeagueTable> current(String campaignId) {
        Optional<StoredLeagueTable.Stamp> stamp = store.servingStamp(campaignId);
        if (stamp.isEmpty()) {
            tables.invalidate(campaignId);
            return Optional.empty();
        }
        StoredLeagueTable known = tables.getIfPresent(campaignId);
        if (known != null && known.stamp().equals(stamp.get())) {
            hits.incrementAndGet();
            return Optional.of(known);
        }
        misses.incrementAndGet();
        // Rows and stamp from one snapshot: if a write committed since the stamp above, this is the newer table
        // under its own stamp, and the next read checks against that.
        Optional<StoredLeagueTable> read = store.readServing(campaignId);
        if (read.isPresent()) {
            tables.put(campaignId, read.get());
        } else {
            tables.invalidate(campaignId);
        }
        return read;
    }

    long hits() {
        return hits.get();
    }

    long misses() {
        return misses.get();
    }

    int size() {
        tables.cleanUp();
        return (int) tables.estimatedSize();
    }
}
