package vn.thidua.web.testsupport;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One test's own world: a cluster of three units (the first is the head unit), its users and (once launched) a
 * campaign. Codes carry a random tag so tests sharing one application do not meet.
 */
public record Fixture(String tag, String cluster, String campaignId, List<String> units, Api.Creds head,
                      Map<String, Api.Creds> officers, Api.Creds board, Api.Creds auditor, LocalDate pledgeDeadline,
                      LocalDate q1Due, LocalDate yearDue) {

    /** The same cluster, units and users, for another campaign of its own. */
    public Fixture forNewCampaign(String newTag) {
        return new Fixture(newTag, cluster, "camp-" + newTag.toLowerCase(java.util.Locale.ROOT), units, head, officers,
                board, auditor, pledgeDeadline, q1Due, yearDue);
    }

    public String unit(int i) {
        return units.get(i);
    }

    public String headUnit() {
        return units.get(0);
    }

    public Api.Creds officer(int i) {
        return officers.get(units.get(i));
    }

    public String campaignPath() {
        return "/api/v1/campaigns/" + campaignId;
    }

    public String pledgePath(int unit) {
        return campaignPath() + "/pledges/" + unit(unit);
    }

    public String reportPath(int unit, String period) {
        return campaignPath() + "/reports/" + unit(unit) + "/" + period;
    }
}
