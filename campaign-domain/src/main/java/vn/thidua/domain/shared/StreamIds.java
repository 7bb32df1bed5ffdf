package vn.thidua.domain.shared;

/**
 * Aggregate identifiers in the one event table. Prefixes keep a cluster code, a campaign id and a
 * commendation id from ever sharing a stream, and make the audit trail readable.
 */
public final class StreamIds {
    private StreamIds() {
    }

    public static String cluster(String clusterCode) {
        return "cluster:" + clusterCode;
    }

    public static String campaign(String campaignId) {
        return "campaign:" + campaignId;
    }

    public static String participation(String campaignId, String unitCode) {
        return "participation:" + campaignId + ":" + unitCode;
    }

    public static String commendation(String commendationId) {
        return "commendation:" + commendationId;
    }

    public static String ballot(String ballotId) {
        return "ballot:" + ballotId;
    }
}
