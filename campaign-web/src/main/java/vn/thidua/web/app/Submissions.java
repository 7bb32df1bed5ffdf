package vn.thidua.web.app;

import org.axonframework.eventhandling.DomainEventMessage;
import vn.thidua.domain.participation.ParticipationEvent;
import vn.thidua.domain.participation.PledgeEvent;
import vn.thidua.domain.participation.ReportEvent;
import vn.thidua.domain.participation.ReportFiled;
import vn.thidua.domain.scoring.PeriodReport;
import vn.thidua.domain.scoring.UnitSubmissions;
import vn.thidua.domain.shared.StreamIds;
import vn.thidua.eventstore.EventStreams;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A unit's pledge and period reports as they stand, folded from its participation stream (the write side's own
 * history, so a page, an import or the API shows what the aggregate will compare against, with no projection lag).
 * Read only: every decision stays with the aggregate.
 */
public final class Submissions {
    public record Report(String periodCode, Map<String, BigDecimal> values, String status, boolean late,
                         int corrections, Map<String, BigDecimal> counted, String comment, Instant at) {
        public boolean pending() {
            return "SUBMITTED".equals(status);
        }

        public boolean rejected() {
            return "REJECTED".equals(status);
        }
    }

    private final UnitSubmissions fold;
    private final Instant pledgedAt;
    private final Map<String, Report> reports = new LinkedHashMap<>();

    private Submissions(UnitSubmissions fold, Instant pledgedAt, Map<String, Instant> filedAt,
                        List<String> periodsInOrder) {
        this.fold = fold;
        this.pledgedAt = pledgedAt;
        for (String period : periodsInOrder) {
            PeriodReport r = fold.report(period);
            reports.put(period, new Report(period, r.reported(), r.status().name(), r.late(), r.corrections(),
                    r.verified(), r.comment(), filedAt.get(period)));
        }
    }

    public static Submissions read(EventStreams streams, String campaignId, String unitCode) {
        return of(unitCode, streams.read(StreamIds.participation(campaignId, unitCode)));
    }

    /**
     * The stream through the domain's one fold ({@link UnitSubmissions}); only the times the pledge and each report
     * were filed, which the fold does not keep, are taken here from the messages.
     */
    static Submissions of(String unitCode, List<DomainEventMessage<?>> events) {
        UnitSubmissions fold = new UnitSubmissions(unitCode);
        Instant pledgedAt = null;
        Map<String, Instant> filedAt = new LinkedHashMap<>();
        for (DomainEventMessage<?> m : events) {
            if (m.getPayload() instanceof ParticipationEvent e && fold.apply(e)) {
                if (e instanceof PledgeEvent) {
                    pledgedAt = m.getTimestamp();
                } else if (e instanceof ReportFiled r) {
                    filedAt.put(r.periodCode(), m.getTimestamp());
                } else if (e instanceof ReportEvent r) {
                    filedAt.putIfAbsent(r.periodCode(), m.getTimestamp());
                }
            }
        }
        return new Submissions(fold, pledgedAt, filedAt, List.copyOf(filedAt.keySet()));
    }

    /** The pledged targets, or null before the first pledge. */
    public Map<String, BigDecimal> pledge() {
        return fold.hasPledged() ? fold.targets() : null;
    }

    /** 0 for the first pledge, then one more for each revision. */
    public int pledgeRevision() {
        return Math.max(0, fold.pledgeRevision());
    }

    public Instant pledgedAt() {
        return pledgedAt;
    }

    public Report report(String periodCode) {
        return reports.get(periodCode);
    }

    public Map<String, Report> reports() {
        return reports;
    }
}
