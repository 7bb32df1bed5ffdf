package vn.thidua.domain.query;

/** A unit's progress on each indicator of a campaign. */
public record UnitProgressQuery(String campaignId, String unitCode) {
}
