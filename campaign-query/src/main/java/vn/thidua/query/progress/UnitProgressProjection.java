package vn.thidua.query.progress;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.MetaDataValue;
import vn.thidua.domain.shared.MetadataKeys;
import org.springframework.stereotype.Component;
import vn.thidua.domain.participation.PledgeEvent;
import vn.thidua.domain.participation.PledgeRevised;
import vn.thidua.domain.participation.PledgeSubmitted;
import vn.thidua.domain.participation.ReportCorrected;
import vn.thidua.domain.participation.ReportEvent;
import vn.thidua.domain.participation.ReportFiled;
import vn.thidua.domain.participation.ReportRejected;
import vn.thidua.domain.participation.ReportSubmitted;
import vn.thidua.domain.participation.ReportVerified;
import vn.thidua.query.projection.ProjectionStates;
import vn.thidua.query.projection.NamedProjection;
import vn.thidua.eventstore.EventTable;
import vn.thidua.eventstore.StoredEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each unit's pledged targets and per-period values, kept by key (campaign, unit, indicator, period), so that a
 * duplicate delivery or a replay writes the same rows. Events of one participation arrive in order (Axon sequences
 * them per stream), which is all this projection needs. One typed handler per event it keeps; Axon passes it no
 * other event (an event it cannot read still reaches the handler of its type, fails there and is dead-lettered).
 */
@Component
@ProcessingGroup(UnitProgressProjection.GROUP)
public class UnitProgressProjection extends NamedProjection {
    public static final String NAME = "unit-progress";
    public static final String GROUP = NAME;

    private final ProgressStore store;
    private final ProjectionStates states;
    private final EventTable events;

    public UnitProgressProjection(ProgressStore store, ProjectionStates states, EventTable events) {
        super(NAME);
        this.store = store;
        this.states = states;
        this.events = events;
    }

    @EventHandler
    void on(PledgeSubmitted event) {
        pledged(store, states.generationForWrite(NAME), event);
    }

    @EventHandler
    void on(PledgeRevised event) {
        pledged(store, states.generationForWrite(NAME), event);
    }

    @EventHandler
    void on(ReportSubmitted event, EventMessage<?> message) {
        filed(store, states.generationForWrite(NAME), event, message.getTimestamp(), events.positionOf(message));
    }

    @EventHandler
    void on(ReportCorrected event, EventMessage<?> message) {
        filed(store, states.generationForWrite(NAME), event, message.getTimestamp(), events.positionOf(message));
    }

    @EventHandler
    void on(ReportVerified event, @MetaDataValue(MetadataKeys.UNIT) String actorUnit,
            @MetaDataValue(MetadataKeys.ROLE) String actorRole) {
        verified(store, states.generationForWrite(NAME), event, verifier(actorUnit, actorRole));
    }

    /** The verifying unit, or the role (the board has no unit). */
    private static String verifier(String actorUnit, String actorRole) {
        return actorUnit != null ? actorUnit : actorRole;
    }

    @EventHandler
    void on(ReportRejected event) {
        rejected(store, states.generationForWrite(NAME), event);
    }

    private static void pledged(ProgressStore store, int generation, PledgeEvent e) {
        store.replaceTargets(generation, e.campaignId(), e.unitCode(), e.targets());
    }

    private static void filed(ProgressStore store, int generation, ReportFiled e, Instant at, long position) {
        store.replaceReport(generation, e.campaignId(), e.unitCode(), e.periodCode(), e.values(), e.late(),
                at.toString(), position);
    }

    private static void verified(ProgressStore store, int generation, ReportVerified e, String verifiedBy) {
        store.verify(generation, e.campaignId(), e.unitCode(), e.periodCode(), e.countedValues(), verifiedBy,
                e.reasons());
    }

    private static void rejected(ProgressStore store, int generation, ReportRejected e) {
        store.reject(generation, e.campaignId(), e.unitCode(), e.periodCode());
    }

    /**
     * A stored event written into {@code generation} as its handler writes it live: the rebuild's way in, since it
     * reads the event table itself, outside Axon's dispatch. Events this projection does not keep change nothing.
     */
    static void apply(ProgressStore store, int generation, Object event, Instant at, long position) {
        apply(store, generation, new StoredEvent(position, at, null, 0, null, event, Map.of()));
    }

    static void apply(ProgressStore store, int generation, StoredEvent stored) {
        Object event = stored.payload();
        if (event instanceof PledgeEvent e) {
            pledged(store, generation, e);
        } else if (event instanceof ReportFiled e) {
            filed(store, generation, e, stored.at(), stored.position());
        } else if (event instanceof ReportVerified e) {
            verified(store, generation, e, verifier(stored.metadataText(MetadataKeys.UNIT),
                    stored.metadataText(MetadataKeys.ROLE)));
        } else if (event instanceof ReportRejected e) {
            rejected(store, generation, e);
        }
    }

    @Override
    public void clear(int generation) {
        store.clear(generation);
    }

    /**
     * The scan runs inside a read-only cursor, so the rebuild keeps each participation's latest events in memory
     * and writes them on flush, through the same code as the live handler.
     */
    @Override
    public Rebuild rebuild(int generation) {
        return new Rebuild() {
            private final Map<String, StoredEvent> pledges = new LinkedHashMap<>();
            private final Map<String, List<StoredEvent>> reports = new LinkedHashMap<>();

            @Override
            public void accept(StoredEvent e) {
                Object p = e.payload();
                if (p instanceof PledgeEvent pledge) {
                    pledges.put(pledge.campaignId() + "|" + pledge.unitCode(), e);
                } else if (p instanceof ReportEvent report) {
                    reports.computeIfAbsent(key(report.campaignId(), report.unitCode(), report.periodCode()),
                            k -> new ArrayList<>()).add(e);
                }
            }

            @Override
            public void flush() {
                pledges.values().forEach(e -> apply(store, generation, e));
                reports.values().forEach(events -> events.forEach(e -> apply(store, generation, e)));
                pledges.clear();
                reports.clear();
            }
        };
    }

    private static String key(String campaignId, String unitCode, String period) {
        return campaignId + "|" + unitCode + "|" + period;
    }

}
