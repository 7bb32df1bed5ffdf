package vn.thidua.domain.campaign;

import java.util.List;

/** An inspection team was assigned: {@code inspectorUnit}'s officers may verify the inspected units' reports. */
public record InspectionAssigned(String campaignId, String inspectionId, String periodCode, String inspectorUnit,
                                 List<String> inspectedUnits) implements CampaignEvent {
    public Inspection inspection() {
        return new Inspection(inspectionId, periodCode, inspectorUnit, inspectedUnits);
    }
}
