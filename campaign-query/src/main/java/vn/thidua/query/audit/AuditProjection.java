package vn.thidua.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.serialization.UnknownSerializedType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.thidua.domain.campaign.CampaignEvent;
import vn.thidua.domain.commendation.CommendationApproved;
import vn.thidua.domain.commendation.CommendationConferred;
import vn.thidua.domain.commendation.CommendationEvent;
import vn.thidua.domain.commendation.CommendationProposed;
import vn.thidua.domain.commendation.CommendationRejected;
import vn.thidua.domain.commendation.CommendationRevoked;
import vn.thidua.domain.participation.EvidenceAttached;
import vn.thidua.domain.participation.EvidenceEvent;
import vn.thidua.domain.participation.EvidenceWithdrawn;
import vn.thidua.domain.participation.ParticipationEvent;
import vn.thidua.domain.participation.PledgeRevised;
import vn.thidua.domain.participation.ReportCorrected;
import vn.thidua.domain.participation.ReportEvent;
import vn.thidua.domain.participation.ReportFiled;
import vn.thidua.domain.participation.ReportRejected;
import vn.thidua.domain.participation.ReportSubmitted;
import vn.thidua.domain.participation.ReportVerified;
import vn.thidua.domain.shared.MetadataKeys;
import vn.thidua.query.projection.ProjectionStates;
import vn.thidua.query.projection.NamedProjection;
import vn.thidua.eventstore.EventTable;
import vn.thidua.eventstore.StoredEvent;
import vn.thidua.query.support.DatabaseKind;
import vn.thidua.eventstore.EventJson;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The audit trail: one row per stored event with who did it, when, and what it changed against the previous
 * version of the same submission (a pledge against the pledge it replaced, a report against the report it
 * corrected, a verification's fixes against the reported values, and status changes of reports and
 * commendations). The live handler and the rebuild share one code path, {@link #row}; they differ only in where
 * the previous version of a submission is looked up: the table itself, or a map kept during the scan.
 */
@Component
@ProcessingGroup(AuditProjection.GROUP)
public class AuditProjection extends NamedProjection {
    public static final String NAME = "audit";
    public static final String GROUP = NAME;
    static final int BATCH = 1000;

    /** The status a submission has after each event that sets one. */
    private static final Map<String, String> STATUS_AFTER = Map.of(
            "ReportSubmitted", "SUBMITTED",
            "ReportCorrected", "SUBMITTED",
            "ReportVerified", "VERIFIED",
            "ReportRejected", "REJECTED",
            "CommendationProposed", "PROPOSED",
            "CommendationApproved", "APPROVED",
            "CommendationRejected", "REJECTED",
            "CommendationConferred", "CONFERRED",
            "CommendationRevoked", "REVOKED");
    private static final String STATUS_TYPES = "('" + String.join("', '", new TreeSet<>(STATUS_AFTER.keySet())) + "')";

    /**
     * In the order of the audit_entry_submission index, so PostgreSQL walks that index back from the position
     * instead of the primary key (generation, position), which passed over every other unit's rows (BENCHMARKS.md).
     */
    private static final String NEWEST_FIRST =
            " ORDER BY generation DESC, aggregate_id DESC, period_code DESC, position DESC LIMIT 1";

    private final JdbcTemplate jdbc;
    private final DatabaseKind database;
    private final ProjectionStates states;
    private final EventTable events;
    private final ObjectMapper mapper = EventJson.mapper();

    public AuditProjection(JdbcTemplate jdbc, ProjectionStates states, EventTable events) {
        super(NAME);
        this.jdbc = jdbc;
        this.database = new DatabaseKind(jdbc);
        this.states = states;
        this.events = events;
    }

    /** An event of a campaign's stream or of one of its participations': a launch, a pledge, a report... */
    @EventHandler
    void on(CampaignEvent event, DomainEventMessage<?> message) {
        record(message);
    }

    /** An event of a commendation's stream: proposed, approved, rejected, conferred, revoked. */
    @EventHandler
    void on(CommendationEvent event, DomainEventMessage<?> message) {
        record(message);
    }

    /**
     * Any other event (a cluster's, or one of a type this version has no class for): the trail holds every event,
     * with the keys it has (none).
     */
    @EventHandler
    void on(DomainEventMessage<?> message) {
        record(message);
    }

    private void record(DomainEventMessage<?> message) {
        apply(stored(message, events.positionOf(message)), states.generationForWrite(NAME));
    }

    static StoredEvent stored(DomainEventMessage<?> message, long position) {
        Object payload = message.getPayload();
        String type;
        if (payload instanceof UnknownSerializedType unknown) {
            type = unknown.serializedType().getName();
            payload = null;
        } else {
            type = message.getPayloadType().getName();
        }
        return new StoredEvent(position, message.getTimestamp(), message.getAggregateIdentifier(),
                message.getSequenceNumber(), type, payload, Map.copyOf(withoutNulls(message.getMetaData())));
    }

    /**
     * Writes the audit row of one event into {@code generation}, replacing any row already there for it: one upsert
     * on PostgreSQL (a delete and an insert cost it twice as much per event), a delete and an insert on H2, which
     * has no upsert on a conflict.
     */
    public void apply(StoredEvent event, int generation) {
        AuditRow row = row(event, generation,
                (aggregateId, periodCode, position, withReported) ->
                previousInTable(generation, aggregateId, periodCode, position, withReported));
        if (database.isPostgres()) {
            jdbc.update(AuditRow.UPSERT, row.arguments());
        } else {
            jdbc.update("DELETE FROM audit_entry WHERE generation = ? AND position = ?", generation, event.position());
            jdbc.update(AuditRow.INSERT, row.arguments());
        }
    }

    @Override
    public void clear(int generation) {
        jdbc.update("DELETE FROM audit_entry WHERE generation = ?", generation);
    }

    @Override
    public Rebuild rebuild(int generation) {
        return new Rebuild() {
            private final Map<String, Previous> previous = new HashMap<>();
            private final List<Object[]> buffer = new ArrayList<>();

            @Override
            public void accept(StoredEvent event) {
                AuditRow row = row(event, generation, (aggregateId, periodCode, position, withReported) ->
                        previous.getOrDefault(key(aggregateId, periodCode), Previous.NONE));
                buffer.add(row.arguments());
                String status = STATUS_AFTER.get(row.type());
                if (status != null) {
                    previous.merge(key(row.aggregateId(), row.periodCode()),
                            new Previous(reportedValues(event.payload()), status), Previous::then);
                }
            }

            @Override
            public void flush() {
                for (int from = 0; from < buffer.size(); from += BATCH) {
                    jdbc.batchUpdate(AuditRow.INSERT, buffer.subList(from, Math.min(buffer.size(), from + BATCH)));
                }
                buffer.clear();
            }
        };
    }

    // ---------------------------------------------------------------------------------------------------------

    /** What came before an event in the same submission: the last reported values and the last status. */
    record Previous(Map<String, BigDecimal> reported, String status) {
        static final Previous NONE = new Previous(null, null);

        Previous then(Previous next) {
            return new Previous(next.reported != null ? next.reported : reported, next.status);
        }
    }

    @FunctionalInterface
    interface History {
        /** @param withReported whether the previous reported values are needed, not only the previous status */
        Previous before(String aggregateId, String periodCode, long position, boolean withReported);
    }

    AuditRow row(StoredEvent event, int generation, History history) {
        Object payload = event.payload();
        String type = event.typeName();
        String[] keys = keys(payload);
        List<Map<String, Object>> changes = null;
        if (payload instanceof EvidenceAttached attached) {
            // Evidence: the file's name in the trail (its bytes are the evidence store's).
            changes = List.of(change("evidence", null, attached.fileName()));
        } else if (payload instanceof EvidenceWithdrawn withdrawn) {
            changes = List.of(change("evidence", withdrawn.fileName(), "WITHDRAWN"));
        } else if (STATUS_AFTER.containsKey(type) || payload instanceof PledgeRevised) {
            // A revision carries its own previous targets; a first version has no previous one to compare with.
            boolean comparedWithNothing = payload instanceof PledgeRevised || payload instanceof ReportSubmitted
                    || payload instanceof CommendationProposed;
            Previous before = comparedWithNothing ? Previous.NONE
                    : history.before(event.streamId(), keys[2], event.position(),
                    payload instanceof ReportVerified verified && verified.fixedValues() != null);
            changes = changes(payload, type, before);
        }
        return new AuditRow(generation, event.position(), event.at().toString(), event.at().toEpochMilli(), type,
                event.streamId(), event.sequence(), cut(keys[0], 64), cut(keys[1], 40), cut(keys[2], 40),
                cut(event.metadataText(MetadataKeys.USER), 100), cut(event.metadataText(MetadataKeys.UNIT), 40),
                cut(event.metadataText(MetadataKeys.ROLE), 40),
                cut(event.metadataText(MetadataKeys.CORRELATION_ID), 200),
                json(payload), changes == null ? null : json(changes));
    }

    /** The changes of one event; null for a first version (a pledge, a report, a proposal) or a plain event. */
    private static List<Map<String, Object>> changes(Object payload, String type, Previous before) {
        List<Map<String, Object>> changes = new ArrayList<>();
        if (payload instanceof PledgeRevised revised) {
            diff(revised.previousTargets(), revised.targets(), changes);
            return changes;
        }
        if (payload instanceof ReportSubmitted || payload instanceof CommendationProposed) {
            return null;
        }
        if (payload instanceof ReportCorrected corrected) {
            diff(corrected.previousValues(), corrected.values(), changes);
        } else if (payload instanceof ReportVerified verified && verified.fixedValues() != null) {
            Map<String, BigDecimal> reported = before.reported() == null ? Map.of() : before.reported();
            for (String field : new TreeSet<>(verified.fixedValues().keySet())) {
                changes.add(change(field, reported.get(field), verified.fixedValues().get(field)));
            }
        } else if (!(payload instanceof ReportVerified || payload instanceof ReportRejected
                || payload instanceof CommendationApproved || payload instanceof CommendationRejected
                || payload instanceof CommendationConferred || payload instanceof CommendationRevoked)) {
            return null;
        }
        String to = STATUS_AFTER.get(type);
        if (!Objects.equals(before.status(), to)) {
            changes.add(change("status", before.status(), to));
        }
        return changes;
    }

    private static void diff(Map<String, BigDecimal> from, Map<String, BigDecimal> to,
                             List<Map<String, Object>> changes) {
        Map<String, BigDecimal> a = from == null ? Map.of() : from;
        Map<String, BigDecimal> b = to == null ? Map.of() : to;
        TreeSet<String> fields = new TreeSet<>(a.keySet());
        fields.addAll(b.keySet());
        for (String field : fields) {
            BigDecimal x = a.get(field);
            BigDecimal y = b.get(field);
            boolean same = x == null ? y == null : y != null && x.compareTo(y) == 0;
            if (!same) {
                changes.add(change(field, x, y));
            }
        }
    }

    private static Map<String, Object> change(String field, Object from, Object to) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("field", field);
        change.put("from", from);
        change.put("to", to);
        return change;
    }

    /** The previous version of a submission, read from the rows already written for this generation. */
    private Previous previousInTable(int generation, String aggregateId, String periodCode, long position,
                                     boolean withReported) {
        String period = periodCode == null ? " AND period_code IS NULL" : " AND period_code = ?";
        Object[] args = periodCode == null ? new Object[]{aggregateId, position}
                : new Object[]{aggregateId, periodCode, position};
        Object[] withGeneration = new Object[args.length + 1];
        withGeneration[0] = generation;
        System.arraycopy(args, 0, withGeneration, 1, args.length);
        List<String> statusTypes = jdbc.queryForList("SELECT type FROM audit_entry WHERE generation = ?"
                + " AND aggregate_id = ?" + period + " AND position < ? AND type IN " + STATUS_TYPES
                + NEWEST_FIRST, String.class, withGeneration);
        List<String> reports = !withReported ? List.of() : jdbc.queryForList("SELECT payload FROM audit_entry"
                + " WHERE generation = ? AND aggregate_id = ?" + period + " AND position < ?"
                + " AND type IN ('ReportSubmitted', 'ReportCorrected')" + NEWEST_FIRST,
                String.class, withGeneration);
        Map<String, BigDecimal> reported = null;
        if (!reports.isEmpty()) {
            try {
                reported = reportedValues(mapper.readValue(reports.get(0), ReportSubmitted.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable audit payload of " + aggregateId, e);
            }
        }
        return new Previous(reported, statusTypes.isEmpty() ? null : STATUS_AFTER.get(statusTypes.get(0)));
    }

    private static Map<String, BigDecimal> reportedValues(Object payload) {
        return payload instanceof ReportFiled filed ? filed.values() : null;
    }

    /**
     * campaignId, unitCode and periodCode of an event, from the interfaces the events share: a campaign's events
     * name their campaign, a participation's also its unit, a report's also its period; a commendation names the
     * campaign and unit it is for.
     */
    static String[] keys(Object payload) {
        String[] keys = new String[3];
        if (payload instanceof CampaignEvent e) {
            keys[0] = e.campaignId();
        }
        if (payload instanceof ParticipationEvent e) {
            keys[1] = e.unitCode();
        }
        if (payload instanceof ReportEvent e) {
            keys[2] = e.periodCode();
        }
        if (payload instanceof EvidenceEvent e) {
            keys[2] = e.periodCode();
        }
        if (payload instanceof CommendationEvent e) {
            keys[0] = e.campaignId();
            keys[1] = e.unitCode();
        }
        return keys;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write audit JSON", e);
        }
    }

    private static String key(String aggregateId, String periodCode) {
        return aggregateId + '\u0000' + (periodCode == null ? "" : periodCode);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static Map<String, Object> withoutNulls(Map<String, ?> metadata) {
        Map<String, Object> copy = new HashMap<>();
        metadata.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }
}
