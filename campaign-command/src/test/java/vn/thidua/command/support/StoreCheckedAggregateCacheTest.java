package vn.thidua.command.support;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The cache through Axon's own caching repository, with another "node" writing the same stream in between. */
class StoreCheckedAggregateCacheTest {
    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final StoreCheckedAggregateCache cache = new StoreCheckedAggregateCache(100, store::lastSequenceNumberFor);
    private final EventSourcingRepository<Counter> repository = EventSourcingRepository.builder(Counter.class)
            .eventStore(store).cache(cache).build();

    @AfterEach
    void stop() {
        store.shutDown();
    }

    @Test
    void aCachedAggregateIsUsedWhileTheStreamHasNotMoved() {
        inUnitOfWork(() -> repository.newInstance(() -> new Counter("c1")));
        inUnitOfWork(() -> { repository.load("c1").execute(Counter::increment); return null; });

        int value = inUnitOfWork(() -> repository.load("c1").invoke(Counter::value));

        assertThat(value).isEqualTo(2);
        assertThat(cache.hits()).isEqualTo(2);
        assertThat(cache.stale()).isZero();
    }

    @Test
    void anEntryBehindTheStoreIsDroppedAndTheStreamLoaded() {
        inUnitOfWork(() -> repository.newInstance(() -> new Counter("c1")));
        // Another node appends to the same stream: this node's entry still says version 0.
        inUnitOfWork(() -> {
            store.publish(new GenericDomainEventMessage<>("Counter", "c1", 1, new Incremented("c1")));
            return null;
        });

        int value = inUnitOfWork(() -> repository.load("c1").invoke(Counter::value));

        assertThat(value).isEqualTo(2);
        assertThat(cache.stale()).isEqualTo(1);
        assertThat(cache.hits()).isZero();
        // The aggregate loaded from the store is cached again and confirmed on the next use.
        assertThat(inUnitOfWork(() -> repository.load("c1").invoke(Counter::value))).isEqualTo(2);
        assertThat(cache.hits()).isEqualTo(1);
    }

    @Test
    void aRolledBackCommandLeavesNoEntryBehind() {
        inUnitOfWork(() -> repository.newInstance(() -> new Counter("c1")));

        assertThatThrownBy(() -> inUnitOfWork(() -> {
            repository.load("c1").execute(Counter::increment);
            throw new IllegalStateException("refused after the change");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(cache.containsKey("c1")).isFalse();
        assertThat(inUnitOfWork(() -> repository.load("c1").invoke(Counter::value))).isEqualTo(1);
    }

    private static <T> T inUnitOfWork(Callable<T> work) {
        var result = DefaultUnitOfWork.startAndGet(null).executeWithResult(work);
        if (result.isExceptional()) {
            Throwable t = result.exceptionResult();
            throw t instanceof RuntimeException r ? r : new IllegalStateException(t);
        }
        return result.getPayload();
    }

    record Incremented(String id) {
    }

    record Created(String id) {
    }

    static class Counter {
        @AggregateIdentifier
        private String id;
        private int value;

        Counter() {
        }

        Counter(String id) {
            apply(new Created(id));
        }

        void increment() {
            apply(new Incremented(id));
        }

        int value() {
            return value;
        }

        @EventSourcingHandler
        void on(Created e) {
            id = e.id();
            value = 1;
        }

        @EventSourcingHandler
        void on(Incremented e) {
            value++;
        }
    }
}
