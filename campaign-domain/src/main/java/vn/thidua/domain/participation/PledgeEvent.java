package vn.thidua.domain.participation;

import java.math.BigDecimal;
import java.util.Map;

/** A unit's pledge, first or revised: the targets that now stand. */
public interface PledgeEvent extends ParticipationEvent {
    Map<String, BigDecimal> targets();
}
