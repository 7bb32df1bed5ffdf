package vn.thidua.eventstore.integrity;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;
import vn.thidua.eventstore.ChainHash;
import vn.thidua.eventstore.EventChain;
import vn.thidua.eventstore.EventChain.Link;
import vn.thidua.eventstore.EventTable;
import vn.thidua.eventstore.RawEvent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the hash chain: the one handler of a pooled streaming processor with a single segment
 * ({@link IntegrityConfig}), so exactly one node seals at a time and events are sealed in the order the processor
 * delivers them — global order, except that an event which commits after a later position (a gap, STACK-NOTES.md)
 * is sealed when it arrives, after the later ones. Each link records its own chain sequence, so the chain is well
 * defined whatever the commit order. The links of a batch are written in the batch's transaction, the one that
 * also stores the processor's token: an event is sealed exactly once, and a node that lost its claim cannot write.
 *
 * <p>The payload is never deserialized: the handler takes the message's identifier and the batch reads the rows
 * byte for byte, so an event no reader understands is sealed like any other.
 */
@Component
@ProcessingGroup(ChainSealer.GROUP)
public class ChainSealer {
    public static final String GROUP = "integrity-chain";
    private static final String PENDING = "integrity-chain:pending";

    private final EventTable events;
    private final EventChain chain;

    public ChainSealer(EventTable events, EventChain chain) {
        this.events = events;
        this.chain = chain;
    }

    @EventHandler
    public void on(EventMessage<?> message) {
        if (!CurrentUnitOfWork.isStarted()) {
            seal(List.of(message.getIdentifier()));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        List<String> pending = unitOfWork.getOrComputeResource(PENDING, key -> {
            List<String> ids = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> seal(ids));
            return ids;
        });
        pending.add(message.getIdentifier());
    }

    /** Appends a link for each of the events not sealed yet, in the given order, in the open transaction. */
    void seal(List<String> eventIdentifiers) {
        Map<String, RawEvent> rows = events.rawByIdentifiers(eventIdentifiers);
        Set<Long> sealed = new HashSet<>(chain.sealedAmong(rows.values().stream().map(RawEvent::position).toList()));
        Link last = chain.last().orElse(null);
        long seq = last == null ? 0 : last.seq();
        String previous = last == null ? ChainHash.GENESIS : last.hash();
        List<Link> links = new ArrayList<>();
        for (String id : eventIdentifiers) {
            RawEvent event = rows.get(id);
            if (event == null) {
                throw new IllegalStateException("event " + id + " was delivered but is not in the event table");
            }
            if (!sealed.add(event.position())) {
                continue; // sealed before: by an imported archive, or a redelivery
            }
            previous = ChainHash.of(previous, event);
            links.add(new Link(++seq, event.position(), id, previous));
        }
        chain.append(links);
    }
}
