package vn.thidua.domain.campaign;

import java.util.List;

/**
 * A cross-inspection team (kiểm tra chéo) of one period: the officers of {@code inspectorUnit} inspect, and may
 * verify or return, the reports of {@code inspectedUnits} for {@code periodCode}.
 */
public record Inspection(String inspectionId, String periodCode, String inspectorUnit, List<String> inspectedUnits) {
    public Inspection {
        inspectedUnits = inspectedUnits == null ? List.of() : List.copyOf(inspectedUnits);
    }

    public boolean inspects(String unitCode, String period) {
        return periodCode.equals(period) && inspectedUnits.contains(unitCode);
    }
}
