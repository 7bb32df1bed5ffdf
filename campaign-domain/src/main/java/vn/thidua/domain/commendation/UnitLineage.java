package vn.thidua.domain.commendation;

import java.util.List;

/**
 * Which units' awards count as a unit's own: the unit itself and, once mergers are recorded (the 2025 reform merged
 * districts and communes), the units it succeeds. The award history and the eligibility that depends on it (the
 * Government flag only for a holder of the provincial flag) read a unit through its lineage; today no merger is
 * recorded, so every unit is its own only predecessor-free line ({@link #SELF_ONLY}).
 */
public interface UnitLineage {
    /** The unit and its predecessors, the unit first. */
    List<String> lineOf(String unitCode);

    UnitLineage SELF_ONLY = List::of;
}
