package vn.thidua.eventstore.integrity;

import org.springframework.stereotype.Component;
import vn.thidua.eventstore.ChainHash;
import vn.thidua.eventstore.EventChain;
import vn.thidua.eventstore.EventChain.Link;
import vn.thidua.eventstore.EventChain.LinkedEvent;
import vn.thidua.eventstore.EventTable;
import vn.thidua.eventstore.RawEvent;

import java.time.Clock;
import java.util.Optional;

/**
 * Walks the hash chain in its own order and recomputes every link from the event now stored at its position: a
 * link whose event is gone names a missing event, a link whose hash no longer follows from the stored row and the
 * previous link names an altered one, a gap in the links' numbering names removed links. Each link is checked
 * against the previous link's stored hash, so one altered event is reported as itself, not as everything after it.
 * Streams from a cursor: constant memory, one pass over the event table.
 */
@Component
public class IntegrityVerifier {
    private final EventChain chain;
    private final EventTable events;
    private final Clock clock;
    private volatile IntegrityReport last;

    public IntegrityVerifier(EventChain chain, EventTable events, Clock clock) {
        this.chain = chain;
        this.events = events;
        this.clock = clock;
    }

    /** The last report this node computed, if any (the operations page shows it without walking again). */
    public Optional<IntegrityReport> lastReport() {
        return Optional.ofNullable(last);
    }

    public IntegrityReport verify() {
        long head = events.headPosition();
        Optional<Link> end = chain.last();
        Walk walk = new Walk();
        end.ifPresent(l -> chain.forEachLink(l.seq(), walk::check));
        EventChain.Unsealed unsealed = chain.unsealed(head);
        IntegrityReport report = new IntegrityReport(walk.broken == null, walk.count, walk.broken,
                end.map(Link::hash).orElse(ChainHash.GENESIS), end.map(Link::position).orElse(null),
                new IntegrityReport.Unsealed(unsealed.count(), unsealed.firstPosition()), clock.instant().toString());
        last = report;
        return report;
    }

    private static final class Walk {
        long count;
        long expectedSeq = 1;
        String previous = ChainHash.GENESIS;
        IntegrityReport.Broken broken;

        void check(LinkedEvent linked) {
            count++;
            Link link = linked.link();
            if (broken == null) {
                broken = problem(link, linked.event());
            }
            expectedSeq = link.seq() + 1;
            previous = link.hash();
        }

        private IntegrityReport.Broken problem(Link link, RawEvent event) {
            long at = link.position();
            if (link.seq() != expectedSeq) {
                return new IntegrityReport.Broken(at, "missing: chain links " + expectedSeq
                        + (link.seq() - 1 > expectedSeq ? "–" + (link.seq() - 1) : "") + " were removed, with the"
                        + " events they sealed (sealed just before the event at position " + at + ")");
            }
            if (event == null) {
                return new IntegrityReport.Broken(at, "missing: event " + link.eventIdentifier() + " (chain link "
                        + link.seq() + ") is no longer in the event store");
            }
            if (!event.eventIdentifier().equals(link.eventIdentifier())) {
                return new IntegrityReport.Broken(at, "altered: position " + at + " holds event "
                        + event.eventIdentifier() + ", but event " + link.eventIdentifier() + " was sealed there");
            }
            if (!ChainHash.of(previous, event).equals(link.hash())) {
                return new IntegrityReport.Broken(at, "altered: event " + link.eventIdentifier() + " (chain link "
                        + link.seq() + ") no longer matches its hash: a stored column (payload, metadata, stream,"
                        + " sequence, type or timestamp) or the link was changed");
            }
            return null;
        }
    }
}
