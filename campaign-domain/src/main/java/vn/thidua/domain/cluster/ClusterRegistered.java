package vn.thidua.domain.cluster;

import vn.thidua.domain.shared.UnitRef;

import java.util.List;

public record ClusterRegistered(String clusterCode, String name, List<UnitRef> members, String headUnit) {
}
