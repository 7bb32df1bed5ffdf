package vn.thidua.domain.cluster;

import vn.thidua.domain.shared.TargetsStream;
import vn.thidua.domain.shared.StreamIds;
import vn.thidua.domain.shared.UnitRef;

import java.util.List;

/** Registers an emulation cluster (cụm thi đua) with its member units and, optionally, its current head unit. */
public record RegisterCluster(String clusterCode, String name, List<UnitRef> members, String headUnit)
        implements TargetsStream {
    @Override
    public String streamId() {
        return StreamIds.cluster(clusterCode);
    }
}
