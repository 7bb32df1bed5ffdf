package vn.thidua.web.app;

import org.axonframework.eventhandling.DomainEventMessage;
import vn.thidua.domain.participation.PledgeRevised;
import vn.thidua.domain.participation.PledgeSubmitted;
import vn.thidua.domain.participation.ReportCorrected;
import vn.thidua.domain.participation.ReportRejected;
import vn.thidua.domain.participation.ReportSubmitted;
import vn.thidua.domain.participation.ReportVerified;
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

    private Map<String, BigDecimal> pledge;
    private int pledgeRevision;
    private Instant pledgedAt;
    private final Map<String, Report> reports = new LinkedHashMap<>();

    public static Submissions read(EventStreams streams, String campaignId, String unitCode) {
        Submissions s = new Submissions();
        s.fold(streams.read(StreamIds.participation(campaignId, unitCode)));
        return s;
    }

    /** The pledged targets, or null before the first pledge. */
    public Map<String, BigDecimal> pledge() {
        return pledge;
    }

    /** 0 for the first pledge, then one more for each revision. */
    public int pledgeRevision() {
        return pledgeRevision;
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

    private void fold(List<DomainEventMessage<?>> events) {
        for (DomainEventMessage<?> m : events) {
            Object e = m.getPayload();
            Instant at = m.getTimestamp();
            if (e instanceof PledgeSubmitted p) {
                pledge = p.targets();
                pledgeRevision = 0;
                pledgedAt = at;
            } else if (e instanceof PledgeRevised p) {
                pledge = p.targets();
                pledgeRevision++;
                pledgedAt = at;
            } else if (e instanceof ReportSubmitted r) {
                reports.put(r.periodCode(), new Report(r.periodCode(), r.values(), "SUBMITTED", r.late(), 0, null,
                        null, at));
            } else if (e instanceof ReportCorrected r) {
                Report b = reports.get(r.periodCode());
                reports.put(r.periodCode(), new Report(r.periodCode(), r.values(), "SUBMITTED",
                        b != null && b.late(), b == null ? 1 : b.corrections() + 1, null, r.reason(), at));
            } else if (e instanceof ReportVerified r) {
                Report b = reports.get(r.periodCode());
                if (b != null) {
                    reports.put(r.periodCode(), new Report(b.periodCode(), b.values(), "VERIFIED", b.late(),
                            b.corrections(), r.countedValues(), r.comment(), b.at()));
                }
            } else if (e instanceof ReportRejected r) {
                Report b = reports.get(r.periodCode());
                if (b != null) {
                    reports.put(r.periodCode(), new Report(b.periodCode(), b.values(), "REJECTED", b.late(),
                            b.corrections(), null, r.comment(), b.at()));
                }
            }
        }
    }
}
