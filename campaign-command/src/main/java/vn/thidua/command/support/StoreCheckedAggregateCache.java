package vn.thidua.command.support;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;

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
 * <p>
 * The version an entry was cached at is taken when Axon puts it, from the aggregate itself through Axon's public
 * API ({@link AggregateCacheEntry#recreateAggregate}, which hands back the cached {@link EventSourcedAggregate},
 * and its {@code version()}), and kept beside the entry: no access to Axon's private fields.
 */
public final class StoreCheckedAggregateCache implements Cache {
    /**
     * A cached value and, for an aggregate entry, the aggregate's version when it was cached (null before its first
     * event); {@code aggregate} is false for any other value, {@code known} false for an entry whose version could
     * not be taken.
     */
    private record Held(Object value, boolean aggregate, boolean known, Long version) {
    }

    private final com.github.benmanes.caffeine.cache.Cache<Object, Held> entries;
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
        Held held = entries.getIfPresent(key);
        if (held == null) {
            misses.increment();
            return null;
        }
        if (held.aggregate()) {
            if (!held.known() || !Objects.equals(lastSequenceOfStream.apply(key.toString()).orElse(null),
                    held.version())) {
                entries.asMap().remove(key, held);
                stale.increment();
                return null;
            }
        }
        hits.increment();
        return (V) held.value();
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, hold(value));
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.asMap().putIfAbsent(key, hold(value)) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.get(key, k -> hold(valueSupplier.get())).value();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.asMap().computeIfPresent(key, (k, held) -> {
            V updated = update.apply((V) held.value());
            return updated == null ? null : hold(updated);
        });
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
     * Keeps an aggregate entry with the version it is cached at. Axon creates the entry from the aggregate it has
     * just committed and keeps that aggregate in it: {@link AggregateCacheEntry#recreateAggregate} answers it
     * without using its arguments, and {@link EventSourcedAggregate#version()} is the version the entry holds. An
     * entry without its aggregate (only a deserialized one, which this in-memory cache never holds) is kept with no
     * version, so the store check never confirms it: it is loaded from the store instead.
     */
    private static Held hold(Object value) {
        if (value instanceof AggregateCacheEntry<?> entry) {
            try {
                return new Held(value, true, true, entry.recreateAggregate(null, null, null, null).version());
            } catch (RuntimeException noAggregate) {
                return new Held(value, true, false, null);
            }
        }
        return new Held(value, false, false, null);
    }
}
