package vn.thidua.query.projection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.domain.shared.RuleViolation;
import vn.thidua.eventstore.EventTable;
import vn.thidua.eventstore.StoredEvent;
import vn.thidua.eventstore.UnreadablePayload;

import java.util.BitSet;
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
 * serving, then catches up and switches generations in one transaction. The switch takes the projection's
 * generation lock exclusively, which every live batch holds (shared) while it writes, so no node can write the old
 * generation afterwards (ProjectionStates: an advisory lock on PostgreSQL, the state row on H2); the live
 * processors are never stopped and their tokens are never reset.
 */
@Component
public class ProjectionRebuilder {
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);
    static final long STALE_MILLIS = 300_000;
    /** How far back the switch looks for events the scan missed (written before it passed, committed after). */
    static final long RESCAN_WINDOW = 10_000;
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
        Claim claim = claim(name);
        return CompletableFuture.runAsync(() -> run(claim), executor);
    }

    /** Rebuilds synchronously, in the caller's thread: for benchmarks and tests. */
    public long replayNow(String name) {
        return run(claim(name));
    }

    private record Claim(RebuildableProjection projection, String token, int generation, long head) {
    }

    private Claim claim(String name) {
        RebuildableProjection projection = projections.get(name);
        if (projection == null) {
            throw new NotFound("projection", name);
        }
        int generation = states.activeGeneration(name) + 1;
        long head = events.headPosition();
        String token = states.claimRebuild(name, generation, head, STALE_MILLIS).orElseThrow(() ->
                new RuleViolation("projection.rebuilding", "projection " + name + " is already being rebuilt"));
        return new Claim(projection, token, generation, head);
    }

    private long run(Claim claim) {
        RebuildableProjection projection = claim.projection();
        String name = projection.name();
        int generation = claim.generation();
        long started = System.nanoTime();
        boolean switched = false;
        try {
            ownTransaction.executeWithoutResult(s -> projection.clear(generation));
            HoldingBack rebuild = new HoldingBack(projection, projection.rebuild(generation));
            long[] count = {0};
            BitSet seen = new BitSet();
            long position = scan(claim, rebuild, 0, claim.head(), count, seen);
            long latest = events.headPosition();
            while (latest - position > CATCH_UP_THRESHOLD) {
                position = scan(claim, rebuild, position, latest, count, seen);
                latest = events.headPosition();
            }
            long from = position;
            int previous = ownTransaction.execute(s -> {
                int serving = states.lockedGeneration(name);
                long last = events.headPosition();
                // Also the events the scan never saw although their position is behind it: written before the
                // scan passed, committed after.
                read(projection, Math.max(0, from - RESCAN_WINDOW), last, e -> {
                    if (!seen.get(Math.toIntExact(e.position()))) {
                        rebuild.accept(e);
                        count[0]++;
                    }
                });
                rebuild.finish();
                if (!states.switchTo(name, claim.token(), generation, last, count[0], rebuild.note())) {
                    throw new IllegalStateException("another rebuild of " + name + " took over; this one stops");
                }
                return serving;
            });
            switched = true;
            if (previous != generation) {
                ownTransaction.executeWithoutResult(s -> projection.clear(previous));
            }
            log.info("Projection {} rebuilt: {} events in {} ms, generation {} now serving", name, count[0],
                    (System.nanoTime() - started) / 1_000_000, generation);
            if (rebuild.note() != null) {
                log.warn("Projection {}: {}", name, rebuild.note());
            }
            return count[0];
        } catch (RuntimeException e) {
            log.error("Rebuild of projection {} failed", name, e);
            if (!switched && ownTransaction.execute(s -> states.holds(name, claim.token()))) {
                ownTransaction.executeWithoutResult(s -> states.failed(name, claim.token(),
                        String.valueOf(e.getMessage())));
                ownTransaction.executeWithoutResult(s -> projection.clear(generation));
            }
            throw e;
        }
    }

    private long scan(Claim claim, HoldingBack rebuild, long after, long upTo, long[] count,
                      BitSet seen) {
        RebuildableProjection projection = claim.projection();
        long[] last = {after};
        read(projection, after, upTo, e -> {
            rebuild.accept(e);
            seen.set(Math.toIntExact(e.position()));
            last[0] = e.position();
            if (++count[0] % PROGRESS_EVERY == 0) {
                ownTransaction.executeWithoutResult(s -> rebuild.flush());
                ownTransaction.executeWithoutResult(s -> states.progress(projection.name(), claim.token(), last[0],
                        upTo, count[0]));
            }
        });
        ownTransaction.executeWithoutResult(s -> rebuild.flush());
        ownTransaction.executeWithoutResult(s -> states.progress(projection.name(), claim.token(), upTo, upTo,
                count[0]));
        return upTo;
    }

    private void read(RebuildableProjection projection, long after, long upTo, Consumer<StoredEvent> consumer) {
        if (projection.needsMetadata()) {
            events.forEach(after, upTo, consumer);
        } else {
            events.forEachPayload(after, upTo, consumer);
        }
    }

    /**
     * Feeds the rebuild every readable event, except those of a sequence held back by an earlier event that cannot
     * be read: the rebuilt rows are what the live processor holds while that event is dead-lettered.
     */
    private static final class HoldingBack implements RebuildableProjection.Rebuild {
        private static final int NAMED = 5;
        private final RebuildableProjection projection;
        private final RebuildableProjection.Rebuild rebuild;
        private final java.util.Set<String> held = new java.util.HashSet<>();
        private final List<String> unreadable = new java.util.ArrayList<>();

        HoldingBack(RebuildableProjection projection, RebuildableProjection.Rebuild rebuild) {
            this.projection = projection;
            this.rebuild = rebuild;
        }

        @Override
        public void accept(StoredEvent event) {
            String sequence = projection.sequenceOf(event);
            if (held.contains(sequence)) {
                return;
            }
            if (event.unreadable()) {
                held.add(sequence);
                unreadable.add("position " + event.position() + " (" + event.typeName() + " of " + event.streamId()
                        + "): " + ((UnreadablePayload) event.payload()).reason());
                return;
            }
            rebuild.accept(event);
        }

        @Override
        public void flush() {
            rebuild.flush();
        }

        @Override
        public void finish() {
            rebuild.finish();
        }

        /** What was held back, for the operator; null when nothing was. */
        String note() {
            if (unreadable.isEmpty()) {
                return null;
            }
            String named = String.join("; ", unreadable.subList(0, Math.min(NAMED, unreadable.size())));
            String note = unreadable.size() + " event(s) could not be read; their sequences " + held
                    + " are held back from there: " + named + (unreadable.size() > NAMED ? "; …" : "");
            return note.length() > 1900 ? note.substring(0, 1900) : note;
        }
    }
}
