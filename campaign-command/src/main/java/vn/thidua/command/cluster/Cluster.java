package vn.thidua.command.cluster;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import vn.thidua.command.support.StreamTargetResolver;
import vn.thidua.domain.cluster.ClusterRegistered;
import vn.thidua.domain.cluster.RegisterCluster;
import vn.thidua.domain.shared.Outcome;
import vn.thidua.domain.shared.StreamIds;
import vn.thidua.domain.shared.UnitRef;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static vn.thidua.command.support.Rules.notBlank;
import static vn.thidua.command.support.Rules.require;
import static vn.thidua.command.support.Rules.validCode;

/** An emulation cluster: its member units and its head. Registering the same cluster twice records nothing. */
@Aggregate(commandTargetResolver = StreamTargetResolver.BEAN_NAME)
public class Cluster {
    @AggregateIdentifier
    private String id;
    private ClusterRegistered registered;

    protected Cluster() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Outcome handle(RegisterCluster cmd) {
        ClusterRegistered event = new ClusterRegistered(cmd.clusterCode(), cmd.name(), cmd.members(), cmd.headUnit());
        if (registered != null) {
            require(registered.equals(event), "cluster.exists",
                    "cluster " + cmd.clusterCode() + " is already registered with other members");
            return Outcome.UNCHANGED;
        }
        validCode("code", cmd.clusterCode());
        notBlank("name", cmd.name());
        require(cmd.members() != null && !cmd.members().isEmpty(), "cluster.no-members",
                "a cluster needs at least one member unit");
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < cmd.members().size(); i++) {
            UnitRef member = cmd.members().get(i);
            validCode("members[" + i + "].code", member.code());
            notBlank("members[" + i + "].name", member.name());
            require(codes.add(member.code()), "cluster.duplicate-member",
                    "member code " + member.code() + " appears twice in the cluster");
        }
        require(cmd.headUnit() == null || codes.contains(cmd.headUnit()), "cluster.head-not-member",
                "the head unit " + cmd.headUnit() + " is not a member of the cluster");
        apply(event);
        return Outcome.CREATED;
    }

    @EventSourcingHandler
    void on(ClusterRegistered event) {
        this.id = StreamIds.cluster(event.clusterCode());
        this.registered = event;
    }
}
