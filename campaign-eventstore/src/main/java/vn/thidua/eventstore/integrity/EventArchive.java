package vn.thidua.eventstore.integrity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.thidua.eventstore.ChainHash;
import vn.thidua.eventstore.EventChain;
import vn.thidua.eventstore.EventChain.Link;
import vn.thidua.eventstore.EventTable;
import vn.thidua.eventstore.RawEvent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The event store's archive: NDJSON, a header line then one line per link of the hash chain in chain order, each
 * with every stored column of its event (payload and metadata base64, byte for byte) and its hash. Export streams
 * from a cursor; import streams line by line, verifying the chain as it goes, into an empty store only, in one
 * transaction (a refused archive leaves the store empty), keeping every position, identifier, stream, sequence,
 * timestamp, payload and metadata as they were, and the chain links themselves (so the restored chain and head hash
 * are the archived ones). The projections are then built by the normal processors.
 */
@Component
public class EventArchive {
    public static final String FORMAT = "thidua-event-archive";
    public static final int VERSION = 1;
    private static final int BATCH = 500;

    /** The first line: what follows, so that a truncated or extended archive is refused. */
    public record Header(String format, int version, String exportedAt, long events, long lastSeq, long lastPosition,
                         String head) {
    }

    /** One line per sealed event. */
    public record Line(long seq, long position, String eventIdentifier, String aggregateType,
                       String aggregateIdentifier, long sequenceNumber, String timeStamp, String payloadType,
                       String payloadRevision, byte[] payload, byte[] metaData, String hash) {

        RawEvent event() {
            return new RawEvent(position, eventIdentifier, aggregateType, aggregateIdentifier, sequenceNumber,
                    timeStamp, payloadType, payloadRevision, payload, metaData);
        }

        static Line of(Link link, RawEvent e) {
            return new Line(link.seq(), link.position(), e.eventIdentifier(), e.aggregateType(),
                    e.aggregateIdentifier(), e.sequenceNumber(), e.timeStamp(), e.payloadType(), e.payloadRevision(),
                    e.payload(), e.metaData(), link.hash());
        }
    }

    /** An archive that is not imported, and why; nothing was written. */
    public static class Refused extends IllegalStateException {
        public Refused(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ObjectWriter LINES = JSON.writer();

    private final EventTable events;
    private final EventChain chain;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public EventArchive(EventTable events, EventChain chain, PlatformTransactionManager transactions, Clock clock) {
        this.events = events;
        this.chain = chain;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Waits (at most {@code patience}) until every event stored now is sealed, so an archive taken right after a
     * write holds it; answers whether they all are.
     */
    public boolean awaitSealed(Duration patience) {
        long head = events.headPosition();
        long until = System.nanoTime() + patience.toNanos();
        while (chain.unsealed(head).count() > 0) {
            if (System.nanoTime() > until) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Writes the archive of the chain as it stands (links sealed later are left for the next archive). */
    public Header export(OutputStream out) throws IOException {
        Optional<Link> last = chain.last();
        long lastSeq = last.map(Link::seq).orElse(0L);
        long[] summary = chain.countAndLastPosition(lastSeq);
        Header header = new Header(FORMAT, VERSION, clock.instant().toString(), summary[0], lastSeq, summary[1],
                last.map(Link::hash).orElse(ChainHash.GENESIS));
        line(out, header);
        if (lastSeq == 0) {
            return header;
        }
        try {
            chain.forEachLink(lastSeq, linked -> {
                if (linked.event() == null) {
                    throw new Refused("cannot archive: event " + linked.link().eventIdentifier() + " (chain link "
                            + linked.link().seq() + ", position " + linked.link().position()
                            + ") is missing from the event store; see GET /api/v1/admin/integrity");
                }
                try {
                    line(out, Line.of(linked.link(), linked.event()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return header;
    }

    private static void line(OutputStream out, Object value) throws IOException {
        out.write(LINES.writeValueAsBytes(value));
        out.write('\n');
    }

    /**
     * Imports an archive into an empty store: refused (nothing written) when the store holds any event or link,
     * when the archive is not one, when a line does not follow from the previous one's hash, or when the lines do not
     * add up to the header (truncated or extended). Answers the archive's header.
     */
    public Header importFrom(InputStream input) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8), 1 << 16);
        String first = reader.readLine();
        if (first == null) {
            throw new Refused("the archive is empty (no header line)");
        }
        Header header;
        try {
            header = JSON.readValue(first, Header.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Refused("the first line is not an archive header: " + e.getOriginalMessage());
        }
        if (!FORMAT.equals(header.format()) || header.version() != VERSION) {
            throw new Refused("not a " + FORMAT + " version " + VERSION + " archive: " + header.format() + " "
                    + header.version());
        }
        if (!events.isEmpty() || chain.last().isPresent()) {
            throw new Refused("the event store is not empty: an archive is imported only into an empty database");
        }
        // DDL (on H2 it would commit an open transaction): before the import, so that events appended after it get
        // positions after the archive's. Harmless if the import is then refused.
        events.continuePositionsAfter(header.lastPosition());
        try {
            transaction.executeWithoutResult(status -> {
                try {
                    load(reader, header);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return header;
    }

    private void load(BufferedReader reader, Header header) throws IOException {
        long expectedSeq = 1;
        long count = 0;
        long lastPosition = 0;
        String previous = ChainHash.GENESIS;
        List<RawEvent> rows = new ArrayList<>(BATCH);
        List<Link> links = new ArrayList<>(BATCH);
        String text;
        while ((text = reader.readLine()) != null) {
            if (text.isBlank()) {
                continue;
            }
            Line line;
            try {
                line = JSON.readValue(text, Line.class);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new Refused("line " + (count + 2) + " is not an archived event: " + e.getOriginalMessage());
            }
            if (line.seq() != expectedSeq) {
                throw new Refused("chain link " + expectedSeq + " is missing: the line after link " + (expectedSeq - 1)
                        + " is link " + line.seq() + " (position " + line.position() + ")");
            }
            RawEvent event = line.event();
            String hash = ChainHash.of(previous, event);
            if (!hash.equals(line.hash())) {
                throw new Refused("chain link " + line.seq() + " (event " + line.eventIdentifier() + ", position "
                        + line.position() + ") does not match its hash: the archive was altered");
            }
            rows.add(event);
            links.add(new Link(line.seq(), line.position(), line.eventIdentifier(), hash));
            if (rows.size() == BATCH) {
                flush(rows, links);
            }
            previous = hash;
            expectedSeq++;
            count++;
            lastPosition = Math.max(lastPosition, line.position());
        }
        flush(rows, links);
        if (count != header.events() || expectedSeq - 1 != header.lastSeq() || !previous.equals(header.head())
                || lastPosition != header.lastPosition()) {
            throw new Refused("the archive holds " + count + " links ending in " + previous + " at position "
                    + lastPosition + ", but its header announces " + header.events() + " ending in " + header.head()
                    + " at position " + header.lastPosition() + ": truncated or altered");
        }
    }

    private void flush(List<RawEvent> rows, List<Link> links) {
        if (rows.isEmpty()) {
            return;
        }
        events.insertRaw(rows);
        chain.append(links);
        rows.clear();
        links.clear();
    }
}
