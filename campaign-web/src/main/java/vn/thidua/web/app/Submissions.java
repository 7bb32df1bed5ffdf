package vn.thidua.web.app;

import org.axonframework.eventhandling.DomainEventMessage;
import vn.thidua.domain.participation.ParticipationEvent;
import vn.thidua.domain.participation.PledgeEvent;
import vn.thidua.domain.participation.ReportEvent;
import vn.thidua.domain.participation.ReportFiled;
import vn.thidua.domain.participation.ReportVerified;
import vn.thidua.domain.scoring.ReportStatus;
import vn.thidua.domain.shared.MetadataKeys;
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
                         int corrections, Map<String, BigDecimal> counted, String comment, Instant at,
                         Map<String, String> reasons, String verifiedBy) {
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
                        Map<String, ReportVerified> verifications, Map<String, String> verifiers) {
        this.fold = fold;
        this.pledgedAt = pledgedAt;
        for (String period : filedAt.keySet()) {
            PeriodReport r = fold.report(period);
            ReportVerified v = r.status() == ReportStatus.VERIFIED ? verifications.get(period) : null;
            reports.put(period, new Report(period, r.reported(), r.status().name(), r.late(), r.corrections(),
                    r.verified(), r.comment(), filedAt.get(period), v == null ? Map.of() : v.reasons(),
                    v == null ? null : verifiers.get(period)));
        }
    }

    public static Submissions read(EventStreams streams, String campaignId, String unitCode) {
        return of(unitCode, streams.read(StreamIds.participation(campaignId, unitCode)));
    }

    /**
     * The stream through the domain's one fold ({@link UnitSubmissions}); only what scoring does not need is taken
     * here beside it: the times the pledge and each report were filed, and the latest verification's reasons and
     * verifier.
     */
    static Submissions of(String unitCode, List<DomainEventMessage<?>> events) {
        UnitSubmissions fold = new UnitSubmissions(unitCode);
        Instant pledgedAt = null;
        Map<String, Instant> filedAt = new LinkedHashMap<>();
        Map<String, ReportVerified> verifications = new LinkedHashMap<>();
        Map<String, String> verifiers = new LinkedHashMap<>();
        for (DomainEventMessage<?> m : events) {
            if (m.getPayload() instanceof ParticipationEvent e && fold.apply(e)) {
                if (e instanceof ReportVerified v) {
                    verifications.put(v.periodCode(), v);
                    verifiers.put(v.periodCode(), verifierOf(m));
                }
                if (e instanceof PledgeEvent) {
                    pledgedAt = m.getTimestamp();
                } else if (e instanceof ReportFiled r) {
                    filedAt.put(r.periodCode(), m.getTimestamp());
                } else if (e instanceof ReportEvent r) {
                    filedAt.putIfAbsent(r.periodCode(), m.getTimestamp());
                }
            }
        }
        return new Submissions(fold, pledgedAt, filedAt, verifications, verifiers);
    }

    /** The verifying unit (an inspector's, the head's), or the role for the board, from the event's actor. */
    private static String verifierOf(DomainEventMessage<?> m) {
        Object unit = m.getMetaData().get(MetadataKeys.UNIT);
        return unit != null ? unit.toString() : String.valueOf(m.getMetaData().getOrDefault(MetadataKeys.ROLE, ""));
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
