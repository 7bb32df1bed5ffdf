package vn.thidua.query.progress;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;
import vn.thidua.domain.participation.PledgeRevised;
import vn.thidua.domain.participation.PledgeSubmitted;
import vn.thidua.domain.participation.ReportCorrected;
import vn.thidua.domain.participation.ReportRejected;
import vn.thidua.domain.participation.ReportSubmitted;
import vn.thidua.domain.participation.ReportVerified;
import vn.thidua.query.projection.ProjectionStates;
import vn.thidua.query.projection.RebuildableProjection;
import vn.thidua.eventstore.EventTable;
import vn.thidua.eventstore.StoredEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each unit's pledged targets and per-period values, kept by key (campaign, unit, indicator, period), so that a
 * duplicate delivery or a replay writes the same rows. Events of one participation arrive in order (Axon sequences
 * them per stream), which is all this projection needs.
 */
@Component
@ProcessingGroup(UnitProgressProjection.GROUP)
public class UnitProgressProjection implements RebuildableProjection {
    public static final String NAME = "unit-progress";
    public static final String GROUP = "unit-progress";

    private final ProgressStore store;
    private final ProjectionStates states;
    private final EventTable events;

    public UnitProgressProjection(ProgressStore store, ProjectionStates states, EventTable events) {
        this.store = store;
        this.states = states;
        this.events = events;
    }

    @EventHandler
    void on(EventMessage<?> message) {
        Object event = message.getPayload();
        if (isProgressEvent(event)) {
            apply(store, states.generationForWrite(NAME), event, message.getTimestamp(),
                    events.positionOf(message));
        }
    }

    private static boolean isProgressEvent(Object event) {
        return event instanceof PledgeSubmitted || event instanceof PledgeRevised || event instanceof ReportSubmitted
                || event instanceof ReportCorrected || event instanceof ReportVerified || event instanceof ReportRejected;
    }

    static void apply(ProgressStore store, int generation, Object event, Instant at, long position) {
        if (event instanceof PledgeSubmitted e) {
            store.replaceTargets(generation, e.campaignId(), e.unitCode(), e.targets());
        } else if (event instanceof PledgeRevised e) {
            store.replaceTargets(generation, e.campaignId(), e.unitCode(), e.targets());
        } else if (event instanceof ReportSubmitted e) {
            store.replaceReport(generation, e.campaignId(), e.unitCode(), e.periodCode(), e.values(), e.late(),
                    at.toString(), position);
        } else if (event instanceof ReportCorrected e) {
            store.replaceReport(generation, e.campaignId(), e.unitCode(), e.periodCode(), e.values(), e.late(),
                    at.toString(), position);
        } else if (event instanceof ReportVerified e) {
            store.verify(generation, e.campaignId(), e.unitCode(), e.periodCode(), e.countedValues());
        } else if (event instanceof ReportRejected e) {
            store.reject(generation, e.campaignId(), e.unitCode(), e.periodCode());
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String processingGroup() {
        return GROUP;
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
            private final Map<String, java.util.List<StoredEvent>> reports = new LinkedHashMap<>();

            @Override
            public void accept(StoredEvent e) {
                Object p = e.payload();
                if (p instanceof PledgeSubmitted s) {
                    pledges.put(s.campaignId() + "|" + s.unitCode(), e);
                } else if (p instanceof PledgeRevised s) {
                    pledges.put(s.campaignId() + "|" + s.unitCode(), e);
                } else if (p instanceof ReportSubmitted s) {
                    reports.computeIfAbsent(key(s.campaignId(), s.unitCode(), s.periodCode()),
                            k -> new java.util.ArrayList<>()).add(e);
                } else if (p instanceof ReportCorrected s) {
                    reports.computeIfAbsent(key(s.campaignId(), s.unitCode(), s.periodCode()),
                            k -> new java.util.ArrayList<>()).add(e);
                } else if (p instanceof ReportVerified s) {
                    reports.computeIfAbsent(key(s.campaignId(), s.unitCode(), s.periodCode()),
                            k -> new java.util.ArrayList<>()).add(e);
                } else if (p instanceof ReportRejected s) {
                    reports.computeIfAbsent(key(s.campaignId(), s.unitCode(), s.periodCode()),
                            k -> new java.util.ArrayList<>()).add(e);
                }
            }

            @Override
            public void flush() {
                pledges.values().forEach(e -> apply(store, generation, e.payload(), e.at(), e.position()));
                reports.values().forEach(events -> events.forEach(
                        e -> apply(store, generation, e.payload(), e.at(), e.position())));
                pledges.clear();
                reports.clear();
            }
        };
    }

    private static String key(String campaignId, String unitCode, String period) {
        return campaignId + "|" + unitCode + "|" + period;
    }

}
