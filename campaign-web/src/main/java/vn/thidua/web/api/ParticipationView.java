package vn.thidua.web.api;

import vn.thidua.web.app.Submissions;

import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.participation.PledgeState;
import vn.thidua.domain.participation.ReportState;

import java.time.Instant;
import java.util.Map;

/** A unit's pledge and period reports as they stand, read from its participation stream. */
public final class ParticipationView {
    public record PledgeView(String campaignId, String unitCode, Map<String, Object> targets, int revision,
                             Instant submittedAt) {
    }

    public record ReportView(String campaignId, String unitCode, String periodCode, Map<String, Object> values,
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

    private ParticipationView() {
    }

    static PledgeView pledge(CampaignTerms terms, String unitCode, Submissions s) {
        return s.pledge() == null ? null : new PledgeView(terms.campaignId(), unitCode,
                ValueJson.write(terms, s.pledge()), s.pledgeRevision(), s.pledgedAt());
    }

    static ReportView report(CampaignTerms terms, String unitCode, Submissions s, String periodCode) {
        Submissions.Report r = s.report(periodCode);
        return r == null ? null : new ReportView(terms.campaignId(), unitCode, periodCode,
                ValueJson.write(terms, r.values()), r.status(), r.late(), r.corrections(),
                ValueJson.write(terms, r.counted()), r.comment(), r.at());
    }
}
