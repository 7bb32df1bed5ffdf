package vn.thidua.query.league;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The current league tables kept in memory, checked against the database on every read, so that every node answers
 * what is committed, never a stale table. A read asks the stamp of the campaign's stored table in the serving
 * generation (one indexed single-row query); when it equals the remembered one, the remembered table is the answer;
 * otherwise the table is read again together with its own stamp, in one statement, and remembered under that stamp.
 * Bounded: the least recently read campaigns are forgotten first.
 */
final class LeagueTableCache {
    static final int DEFAULT_SIZE = 500;

    private final LeagueTableStore store;
    private final Map<String, StoredLeagueTable> tables;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    LeagueTableCache(LeagueTableStore store, int size) {
        this.store = store;
        this.tables = new LinkedHashMap<>(Math.min(size, 64), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, StoredLeagueTable> eldest) {
                return size() > size;
            }
        };
    }

    /** The campaign's stored table in the serving generation, or empty while the projection has stored none. */
    Optional<StoredLeagueTable> current(String campaignId) {
        Optional<StoredLeagueTable.Stamp> stamp = store.servingStamp(campaignId);
        if (stamp.isEmpty()) {
            forget(campaignId);
            return Optional.empty();
        }
        StoredLeagueTable known = remembered(campaignId);
        if (known != null && known.stamp().equals(stamp.get())) {
            hits.incrementAndGet();
            return Optional.of(known);
        }
        misses.incrementAndGet();
        // Rows and stamp from one snapshot: if a write committed since the stamp above, this is the newer table
        // under its own stamp, and the next read checks against that.
        Optional<StoredLeagueTable> read = store.readServing(campaignId);
        if (read.isPresent()) {
            remember(campaignId, read.get());
        } else {
            forget(campaignId);
        }
        return read;
    }

    long hits() {
        return hits.get();
    }

    long misses() {
        return misses.get();
    }

    private synchronized StoredLeagueTable remembered(String campaignId) {
        return tables.get(campaignId);
    }

    private synchronized void remember(String campaignId, StoredLeagueTable table) {
        tables.put(campaignId, table);
    }

    private synchronized void forget(String campaignId) {
        tables.remove(campaignId);
    }

    synchronized int size() {
        return tables.size();
    }
}
