package vn.thidua.query.evidence;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.thidua.domain.participation.EvidenceAttached;
import vn.thidua.domain.participation.EvidenceWithdrawn;
import vn.thidua.domain.shared.MetadataKeys;
import vn.thidua.eventstore.EventTable;
import vn.thidua.eventstore.StoredEvent;
import vn.thidua.query.projection.ProjectionStates;
import vn.thidua.query.projection.NamedProjection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The evidence files (minh chứng) of every report, one row per file keyed by its id, so a duplicate delivery or a
 * replay writes the same row; a withdrawal marks the row, never deletes it. Events of one participation arrive in
 * order (Axon sequences them per stream), so a withdrawal always finds its file. The bytes are not here: they are
 * primary data (evidence_content), not derived from events.
 */
@Component
@ProcessingGroup(EvidenceProjection.GROUP)
public class EvidenceProjection extends NamedProjection {
    public static final String NAME = "evidence";
    public static final String GROUP = NAME;

    private final JdbcTemplate jdbc;
    private final ProjectionStates states;
    private final EventTable events;

    public EvidenceProjection(JdbcTemplate jdbc, ProjectionStates states, EventTable events) {
        super(NAME);
        this.jdbc = jdbc;
        this.states = states;
        this.events = events;
    }

    @EventHandler
    void on(EvidenceAttached event, EventMessage<?> message) {
        attached(states.generationForWrite(NAME), event, message.getTimestamp(), events.positionOf(message));
    }

    @EventHandler
    void on(EvidenceWithdrawn event, EventMessage<?> message) {
        Object user = message.getMetaData().get(MetadataKeys.USER);
        withdrawn(states.generationForWrite(NAME), event, user == null ? null : user.toString(),
                message.getTimestamp());
    }

    private void attached(int generation, EvidenceAttached e, Instant at, long position) {
        // A delete and an insert: the same on both databases, and a second delivery leaves the same row.
        jdbc.update("DELETE FROM evidence WHERE generation = ? AND evidence_id = ?", generation, e.evidenceId());
        jdbc.update("INSERT INTO evidence (generation, evidence_id, campaign_id, unit_code, period_code,"
                        + " indicator_code, sha256, file_name, media_type, size, note, uploaded_by, uploaded_at,"
                        + " position, withdrawn) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE)",
                generation, e.evidenceId(), e.campaignId(), e.unitCode(), e.periodCode(), e.indicatorCode(),
                e.sha256(), e.fileName(), e.mediaType(), e.size(), e.note(), e.uploadedBy(), at.toString(), position);
    }

    private void withdrawn(int generation, EvidenceWithdrawn e, String by, Instant at) {
        jdbc.update("UPDATE evidence SET withdrawn = TRUE, withdrawn_reason = ?, withdrawn_by = ?, withdrawn_at = ?"
                + " WHERE generation = ? AND evidence_id = ?", e.reason(), by, at.toString(), generation, e.evidenceId());
    }

    /** A stored event written into {@code generation} as the live handler writes it; other events change nothing. */
    void apply(int generation, StoredEvent event) {
        if (event.payload() instanceof EvidenceAttached e) {
            attached(generation, e, event.at(), event.position());
        } else if (event.payload() instanceof EvidenceWithdrawn e) {
            withdrawn(generation, e, event.metadataText(MetadataKeys.USER), event.at());
        }
    }

    @Override
    public void clear(int generation) {
        jdbc.update("DELETE FROM evidence WHERE generation = ?", generation);
    }

    /** The scan runs inside a read-only cursor: the evidence events are kept in order and written on flush. */
    @Override
    public Rebuild rebuild(int generation) {
        return new Rebuild() {
            private final List<StoredEvent> buffered = new ArrayList<>();

            @Override
            public void accept(StoredEvent event) {
                if (event.payload() instanceof EvidenceAttached || event.payload() instanceof EvidenceWithdrawn) {
                    buffered.add(event);
                }
            }

            @Override
            public void flush() {
                buffered.forEach(e -> apply(generation, e));
                buffered.clear();
            }
        };
    }
}
