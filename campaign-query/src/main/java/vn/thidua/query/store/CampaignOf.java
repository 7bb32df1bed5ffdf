package vn.thidua.query.store;

import vn.thidua.domain.campaign.CampaignClosed;
import vn.thidua.domain.campaign.CampaignLaunched;
import vn.thidua.domain.campaign.ScoringRulesPublished;
import vn.thidua.domain.participation.PledgeRevised;
import vn.thidua.domain.participation.PledgeSubmitted;
import vn.thidua.domain.participation.ReportCorrected;
import vn.thidua.domain.participation.ReportRejected;
import vn.thidua.domain.participation.ReportSubmitted;
import vn.thidua.domain.participation.ReportVerified;

/** The campaign an event of a campaign or participation stream belongs to; null for any other event. */
public final class CampaignOf {
    private CampaignOf() {
    }

    public static String event(Object payload) {
        if (payload instanceof ReportSubmitted e) {
            return e.campaignId();
        } else if (payload instanceof ReportVerified e) {
            return e.campaignId();
        } else if (payload instanceof ReportCorrected e) {
            return e.campaignId();
        } else if (payload instanceof ReportRejected e) {
            return e.campaignId();
        } else if (payload instanceof PledgeSubmitted e) {
            return e.campaignId();
        } else if (payload instanceof PledgeRevised e) {
            return e.campaignId();
        } else if (payload instanceof CampaignLaunched e) {
            return e.campaignId();
        } else if (payload instanceof ScoringRulesPublished e) {
            return e.campaignId();
        } else if (payload instanceof CampaignClosed e) {
            return e.campaignId();
        }
        return null;
    }
}
