package vn.thidua.query.ballot;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import vn.thidua.domain.ballot.BallotClosed;
import vn.thidua.domain.ballot.BallotOpened;
import vn.thidua.domain.ballot.BallotVoted;
import vn.thidua.eventstore.StoredEvent;
import vn.thidua.query.projection.ProjectionStates;
import vn.thidua.query.projection.NamedProjection;

/**
 * The ballots: what each one is, who has voted and, once closed, the tally. Kept by key (ballot, unit), so a duplicate
 * delivery or a replay writes the same rows. It never sees a choice linked to a unit: no event has one.
 */
@Component
@ProcessingGroup(BallotProjection.GROUP)
public class BallotProjection extends NamedProjection {
    public static final String NAME = "ballots";
    public static final String GROUP = NAME;

    private final BallotStore store;
    private final ProjectionStates states;

    public BallotProjection(BallotStore store, ProjectionStates states) {
        super(NAME);
        this.store = store;
        this.states = states;
    }

    @EventHandler
    void on(BallotOpened event) {
        store.opened(states.generationForWrite(NAME), event);
    }

    @EventHandler
    void on(BallotVoted event) {
        store.voted(states.generationForWrite(NAME), event);
    }

    @EventHandler
    void on(BallotClosed event) {
        store.closed(states.generationForWrite(NAME), event);
    }

    static void apply(BallotStore store, int generation, Object event) {
        if (event instanceof BallotOpened e) {
            store.opened(generation, e);
        } else if (event instanceof BallotVoted e) {
            store.voted(generation, e);
        } else if (event instanceof BallotClosed e) {
            store.closed(generation, e);
        }
    }

    @Override
    public void clear(int generation) {
        store.clear(generation);
    }

    @Override
    public boolean needsMetadata() {
        return false;
    }

    /** Ballot events are few: each is written as it comes, in the scan's order (a ballot's stream in sequence). */
    @Override
    public Rebuild rebuild(int generation) {
        return new Rebuild() {
            private final java.util.List<Object> buffer = new java.util.ArrayList<>();

            @Override
            public void accept(StoredEvent event) {
                if (event.payload() instanceof vn.thidua.domain.ballot.BallotEvent) {
                    buffer.add(event.payload());
                }
            }

            @Override
            public void flush() {
                buffer.forEach(e -> apply(store, generation, e));
                buffer.clear();
            }
        };
    }
}
