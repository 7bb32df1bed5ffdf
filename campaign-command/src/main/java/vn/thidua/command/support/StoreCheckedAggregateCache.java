package vn.thidua.command.support;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Aggregates kept in memory between commands, so a command does not read and re-apply its stream (snapshot plus up
 * to 49 events) each time. Several nodes may write the same stream, so an entry is used only after the event store
 * confirms that the stream still ends at the entry's version (one index-only query); otherwise it is dropped and
 * the aggregate is loaded from the store. A write racing the check still fails on the store's unique (stream,
 * sequence) key, Axon drops the entry on the rollback and the gateway's retry loads afresh: a stale entry can
 * neither decide a command nor hide an event.
 */
public final class StoreCheckedAggregateCache implements Cache {
    private static final VarHandle VERSION = versionHandle();

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;
    private final Function<String, Optional<Long>> lastSequenceOfStream;
    private final LongAdder hits = new LongAdder();
    private final LongAdder stale = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /**
     * @param maxEntries           aggregates kept, least recently used dropped first
     * @param lastSequenceOfStream the store's last sequence number of a stream, empty for an empty stream
     */
    public StoreCheckedAggregateCache(long maxEntries, Function<String, Optional<Long>> lastSequenceOfStream) {
        this.entries = Caffeine.newBuilder().maximumSize(maxEntries).build();
        this.lastSequenceOfStream = lastSequenceOfStream;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value = entries.getIfPresent(key);
        if (value == null) {
            misses.increment();
            return null;
        }
        if (value instanceof AggregateCacheEntry<?> entry) {
            Long stored = lastSequenceOfStream.apply(key.toString()).orElse(null);
            if (!Objects.equals(stored, VERSION.get(entry))) {
                entries.asMap().remove(key, value);
                stale.increment();
                return null;
            }
        }
        hits.increment();
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.asMap().putIfAbsent(key, value) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.get(key, k -> valueSupplier.get());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.asMap().computeIfPresent(key, (k, v) -> update.apply((V) v));
    }

    @Override
    public boolean remove(Object key) {
        return entries.asMap().remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.asMap().containsKey(key);
    }

    /** Nothing here listens for evictions; Axon's repositories do not register listeners on this cache. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return () -> true;
    }

    /** Entries used after the store confirmed them. */
    public long hits() {
        return hits.sum();
    }

    /** Entries dropped because the stream had moved on (another node wrote it). */
    public long stale() {
        return stale.sum();
    }

    /** Lookups that found no entry. */
    public long misses() {
        return misses.sum();
    }

    public long size() {
        return entries.estimatedSize();
    }

    /**
     * Axon keeps the version an entry was cached at private; it is the only way to tell a stale entry without
     * loading the stream. Resolved once, at class load, so an Axon upgrade that renames it fails at start-up
     * (and in StoreCheckedAggregateCacheTest), not on some later command.
     */
    private static VarHandle versionHandle() {
        try {
            return MethodHandles.privateLookupIn(AggregateCacheEntry.class, MethodHandles.lookup())
                    .findVarHandle(AggregateCacheEntry.class, "version", Long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
