package vn.thidua.web.api;

import vn.thidua.web.app.Submissions;

import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.participation.PledgeState;
import vn.thidua.domain.participation.ReportState;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A unit's pledge and period reports as they stand, read from its participation stream. */
public final class ParticipationView {
    public record PledgeView(String campaignId, String unitCode, Map<String, Object> targets, int revision,
                             Instant submittedAt) {
    }

    public record ReportView(String campaignId, String unitCode, String periodCode, Map<String, Object> values,
                             String status, boolean late, int corrections, Map<String, Object> verifiedValues,
                             String comment, Instant submittedAt, Map<String, IndicatorCheck> indicators) {
    }

    /**
     * One indicator of a report as inspected: the self-reported value, the verified one (null until verified), who
     * verified it and, for a changed value, why.
     */
    public record IndicatorCheck(Object reported, Object verified, String verifiedBy, String reason) {
    }

    private static Map<String, IndicatorCheck> indicators(CampaignTerms terms, Map<String, Object> reported,
                                                          Map<String, Object> verified, String verifiedBy,
                                                          Map<String, String> reasons) {
        Map<String, IndicatorCheck> checks = new LinkedHashMap<>();
        if (reported != null) {
            reported.forEach((code, value) -> checks.put(code, new IndicatorCheck(value,
                    verified == null ? null : verified.get(code), verified == null ? null : verifiedBy,
                    reasons == null ? null : reasons.get(code))));
        }
        return checks;
    }

    static PledgeView of(CampaignTerms terms, PledgeState s) {
        return new PledgeView(s.campaignId(), s.unitCode(), ValueJson.write(terms, s.targets()), s.revision(), null);
    }

    static ReportView of(CampaignTerms terms, ReportState s) {
        Map<String, Object> values = ValueJson.write(terms, s.values());
        Map<String, Object> verified = ValueJson.write(terms, s.verifiedValues());
        return new ReportView(s.campaignId(), s.unitCode(), s.periodCode(), values, s.status(), s.late(),
                s.corrections(), verified, s.comment(), null, indicators(terms, values, verified, null, null));
    }

    private ParticipationView() {
    }

    static PledgeView pledge(CampaignTerms terms, String unitCode, Submissions s) {
        return s.pledge() == null ? null : new PledgeView(terms.campaignId(), unitCode,
                ValueJson.write(terms, s.pledge()), s.pledgeRevision(), s.pledgedAt());
    }

    static ReportView report(CampaignTerms terms, String unitCode, Submissions s, String periodCode) {
        Submissions.Report r = s.report(periodCode);
        if (r == null) {
            return null;
        }
        Map<String, Object> values = ValueJson.write(terms, r.values());
        Map<String, Object> verified = ValueJson.write(terms, r.counted());
        return new ReportView(terms.campaignId(), unitCode, periodCode, values, r.status(), r.late(),
                r.corrections(), verified, r.comment(), r.at(),
                indicators(terms, values, verified, r.verifiedBy(), r.reasons()));
    }
}
