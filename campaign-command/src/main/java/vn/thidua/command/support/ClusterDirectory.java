package vn.thidua.command.support;

import vn.thidua.domain.cluster.ClusterRegistered;

import java.util.Optional;

/** A registered cluster, as its stream has it. */
public interface ClusterDirectory {
    Optional<ClusterRegistered> findCluster(String clusterCode);
}
