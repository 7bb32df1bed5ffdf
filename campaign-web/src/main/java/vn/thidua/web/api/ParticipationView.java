package vn.thidua.web.api;

import org.axonframework.eventhandling.DomainEventMessage;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.participation.PledgeRevised;
import vn.thidua.domain.participation.PledgeState;
import vn.thidua.domain.participation.PledgeSubmitted;
import vn.thidua.domain.participation.ReportCorrected;
import vn.thidua.domain.participation.ReportRejected;
import vn.thidua.domain.participation.ReportState;
import vn.thidua.domain.participation.ReportSubmitted;
import vn.thidua.domain.participation.ReportVerified;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A unit's pledge and period reports as they stand, read from its participation stream. */
final class ParticipationView {
    record PledgeView(String campaignId, String unitCode, Map<String, Object> targets, int revision,
                      Instant submittedAt) {
    }

    record ReportView(String campaignId, String unitCode, String periodCode, Map<String, Object> values,
                      String status, boolean late, int corrections, Map<String, Object> verifiedValues,
                      String comment, Instant submittedAt) {
    }

    static PledgeView of(CampaignTerms terms, PledgeState s) {
        return new PledgeView(s.campaignId(), s.unitCode(), ValueJson.write(terms, s.targets()), s.revision(), null);
    }

    static ReportView of(CampaignTerms terms, ReportState s) {
        return new ReportView(s.campaignId(), s.unitCode(), s.periodCode(), ValueJson.write(terms, s.values()),
                s.status(), s.late(), s.corrections(), ValueJson.write(terms, s.verifiedValues()), s.comment(), null);
    }

    private final CampaignTerms terms;
    private PledgeView pledge;
    private final Map<String, ReportView> reports = new LinkedHashMap<>();

    ParticipationView(CampaignTerms terms, List<DomainEventMessage<?>> events) {
        this.terms = terms;
        events.forEach(this::apply);
    }

    PledgeView pledge() {
        return pledge;
    }

    ReportView report(String periodCode) {
        return reports.get(periodCode);
    }

    private void apply(DomainEventMessage<?> message) {
        Instant at = message.getTimestamp();
        Object e = message.getPayload();
        if (e instanceof PledgeSubmitted p) {
            pledge = new PledgeView(p.campaignId(), p.unitCode(), values(p.targets()), 0, at);
        } else if (e instanceof PledgeRevised p) {
            pledge = new PledgeView(p.campaignId(), p.unitCode(), values(p.targets()), pledge.revision() + 1, at);
        } else if (e instanceof ReportSubmitted r) {
            reports.put(r.periodCode(), new ReportView(r.campaignId(), r.unitCode(), r.periodCode(), values(r.values()),
                    "SUBMITTED", r.late(), 0, null, null, at));
        } else if (e instanceof ReportCorrected r) {
            ReportView before = reports.get(r.periodCode());
            reports.put(r.periodCode(), new ReportView(r.campaignId(), r.unitCode(), r.periodCode(), values(r.values()),
                    "SUBMITTED", before.late(), before.corrections() + 1, null, r.reason(), at));
        } else if (e instanceof ReportVerified r) {
            ReportView b = reports.get(r.periodCode());
            reports.put(r.periodCode(), new ReportView(b.campaignId(), b.unitCode(), b.periodCode(), b.values(),
                    "VERIFIED", b.late(), b.corrections(), values(r.countedValues()), r.comment(), b.submittedAt()));
        } else if (e instanceof ReportRejected r) {
            ReportView b = reports.get(r.periodCode());
            reports.put(r.periodCode(), new ReportView(b.campaignId(), b.unitCode(), b.periodCode(), b.values(),
                    "REJECTED", b.late(), b.corrections(), null, r.comment(), b.submittedAt()));
        }
    }

    private Map<String, Object> values(Map<String, BigDecimal> raw) {
        return ValueJson.write(terms, raw);
    }
}
