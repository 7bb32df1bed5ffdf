package vn.thidua.web.excel;

import vn.thidua.domain.participation.PledgeRevised;
import vn.thidua.domain.participation.PledgeSubmitted;
import vn.thidua.domain.participation.ReportCorrected;
import vn.thidua.domain.participation.ReportRejected;
import vn.thidua.domain.participation.ReportSubmitted;
import vn.thidua.domain.participation.ReportVerified;
import vn.thidua.domain.shared.StreamIds;
import vn.thidua.web.api.EventStreams;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/** A unit's pledge and period reports as its participation stream has them now: what an import is checked against. */
record ParticipationState(Map<String, BigDecimal> targets, Map<String, Report> reports) {

    record Report(Map<String, BigDecimal> values, boolean rejected) {
    }

    static ParticipationState read(EventStreams streams, String campaignId, String unitCode) {
        Map<String, BigDecimal> targets = null;
        Map<String, Report> reports = new HashMap<>();
        for (var message : streams.read(StreamIds.participation(campaignId, unitCode))) {
            Object e = message.getPayload();
            if (e instanceof PledgeSubmitted p) {
                targets = p.targets();
            } else if (e instanceof PledgeRevised p) {
                targets = p.targets();
            } else if (e instanceof ReportSubmitted r) {
                reports.put(r.periodCode(), new Report(r.values(), false));
            } else if (e instanceof ReportCorrected r) {
                reports.put(r.periodCode(), new Report(r.values(), false));
            } else if (e instanceof ReportVerified r) {
                Report before = reports.get(r.periodCode());
                if (before != null) {
                    reports.put(r.periodCode(), new Report(before.values(), false));
                }
            } else if (e instanceof ReportRejected r) {
                Report before = reports.get(r.periodCode());
                if (before != null) {
                    reports.put(r.periodCode(), new Report(before.values(), true));
                }
            }
        }
        return new ParticipationState(targets, reports);
    }

    boolean pledged() {
        return targets != null;
    }

    Report report(String periodCode) {
        return reports.get(periodCode);
    }
}
