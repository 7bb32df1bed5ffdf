package vn.thidua.domain.commendation;

/** An event of a commendation's stream: the proposal of an award to a unit for its place in a campaign. */
public interface CommendationEvent {
    String commendationId();

    String campaignId();

    String unitCode();
}
