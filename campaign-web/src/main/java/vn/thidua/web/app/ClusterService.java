package vn.thidua.web.app;

import org.springframework.stereotype.Service;
import vn.thidua.domain.cluster.RegisterCluster;
import vn.thidua.domain.shared.Outcome;
import vn.thidua.web.security.Permissions;

/** Registering an emulation cluster with its member units: by an operator or the provincial board. */
@Service
public class ClusterService {
    private final CommandSender commands;
    private final Permissions permissions;

    public ClusterService(CommandSender commands, Permissions permissions) {
        this.commands = commands;
        this.permissions = permissions;
    }

    public Dispatched<Outcome> register(Caller caller, RegisterCluster register) {
        return commands.send(permissions.operatorOrBoard(caller.user()), caller, register);
    }
}
