package vn.thidua.query.projection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.domain.shared.RuleViolation;
import vn.thidua.query.store.EventTable;
import vn.thidua.query.store.StoredEvent;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Replays a projection from the start of the event table into a new generation while the current one keeps
 * serving, then catches up and switches generations in one transaction. The switch locks the projection's state
 * row, which every live handler also locks before writing, so no node can write the old generation afterwards;
 * the live processors are never stopped and their tokens are never reset.
 */
@Component
public class ProjectionRebuilder {
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);
    static final long STALE_MILLIS = 60_000;
    private static final long PROGRESS_EVERY = 20_000;
    private static final long CATCH_UP_THRESHOLD = 5_000;

    private final Map<String, RebuildableProjection> projections;
    private final ProjectionStates states;
    private final EventTable events;
    private final TransactionTemplate ownTransaction;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "projection-rebuild");
        t.setDaemon(true);
        return t;
    });

    public ProjectionRebuilder(List<RebuildableProjection> projections, ProjectionStates states, EventTable events,
                               PlatformTransactionManager transactions) {
        this.projections = projections.stream()
                .collect(Collectors.toMap(RebuildableProjection::name, Function.identity()));
        this.states = states;
        this.events = events;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public List<String> names() {
        return projections.keySet().stream().sorted().toList();
    }

    /** Starts a rebuild in the background; refused while another one for the same projection is alive. */
    public CompletableFuture<Void> replay(String name) {
        RebuildableProjection projection = projections.get(name);
        if (projection == null) {
            throw new NotFound("projection", name);
        }
        int generation = states.activeGeneration(name) + 1;
        long head = events.headPosition();
        if (!states.claimRebuild(name, generation, head, STALE_MILLIS)) {
            throw new RuleViolation("projection.rebuilding", "projection " + name + " is already being rebuilt");
        }
        return CompletableFuture.runAsync(() -> run(projection, generation, head), executor);
    }

    /** Rebuilds synchronously, in the caller's thread: for benchmarks and tests. */
    public long replayNow(String name) {
        RebuildableProjection projection = projections.get(name);
        int generation = states.activeGeneration(name) + 1;
        long head = events.headPosition();
        if (!states.claimRebuild(name, generation, head, STALE_MILLIS)) {
            throw new RuleViolation("projection.rebuilding", "projection " + name + " is already being rebuilt");
        }
        return run(projection, generation, head);
    }

    private long run(RebuildableProjection projection, int generation, long head) {
        String name = projection.name();
        long started = System.nanoTime();
        try {
            ownTransaction.executeWithoutResult(s -> projection.clear(generation));
            RebuildableProjection.Rebuild rebuild = projection.rebuild(generation);
            long[] count = {0};
            long position = scan(projection, rebuild, 0, head, count);
            long latest = events.headPosition();
            while (latest - position > CATCH_UP_THRESHOLD) {
                position = scan(projection, rebuild, position, latest, count);
                latest = events.headPosition();
            }
            long from = position;
            int previous = ownTransaction.execute(s -> {
                int serving = states.lockedGeneration(name);
                long last = events.headPosition();
                read(projection, from, last, e -> {
                    rebuild.accept(e);
                    count[0]++;
                });
                rebuild.finish();
                states.switchTo(name, generation, last, count[0]);
                return serving;
            });
            ownTransaction.executeWithoutResult(s -> projection.clear(previous));
            log.info("Projection {} rebuilt: {} events in {} ms, generation {} now serving", name, count[0],
                    (System.nanoTime() - started) / 1_000_000, generation);
            return count[0];
        } catch (RuntimeException e) {
            log.error("Rebuild of projection {} failed", name, e);
            ownTransaction.executeWithoutResult(s -> states.failed(name, String.valueOf(e.getMessage())));
            ownTransaction.executeWithoutResult(s -> projection.clear(generation));
            throw e;
        }
    }

    private long scan(RebuildableProjection projection, RebuildableProjection.Rebuild rebuild, long after,
                      long upTo, long[] count) {
        long[] last = {after};
        read(projection, after, upTo, e -> {
            rebuild.accept(e);
            last[0] = e.position();
            if (++count[0] % PROGRESS_EVERY == 0) {
                ownTransaction.executeWithoutResult(s -> rebuild.flush());
                ownTransaction.executeWithoutResult(s -> states.progress(projection.name(), last[0], upTo, count[0]));
            }
        });
        ownTransaction.executeWithoutResult(s -> rebuild.flush());
        ownTransaction.executeWithoutResult(s -> states.progress(projection.name(), upTo, upTo, count[0]));
        return upTo;
    }

    private void read(RebuildableProjection projection, long after, long upTo, Consumer<StoredEvent> consumer) {
        if (projection.needsMetadata()) {
            events.forEach(after, upTo, consumer);
        } else {
            events.forEachPayload(after, upTo, consumer);
        }
    }
}
