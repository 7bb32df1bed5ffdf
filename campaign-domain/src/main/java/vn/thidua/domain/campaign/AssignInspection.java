package vn.thidua.domain.campaign;

import vn.thidua.domain.shared.StreamIds;
import vn.thidua.domain.shared.TargetsStream;

import java.util.List;

/** The cluster head sends an inspection team: {@code inspectorUnit} inspects {@code inspectedUnits} for a period. */
public record AssignInspection(String campaignId, String inspectionId, String periodCode, String inspectorUnit,
                               List<String> inspectedUnits) implements TargetsStream {
    @Override
    public String streamId() {
        return StreamIds.campaign(campaignId);
    }
}
