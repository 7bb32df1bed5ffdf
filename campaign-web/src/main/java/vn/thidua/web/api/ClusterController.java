package vn.thidua.web.api;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.command.support.ClusterDirectory;
import vn.thidua.domain.cluster.ClusterRegistered;
import vn.thidua.domain.cluster.RegisterCluster;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.domain.shared.Outcome;
import vn.thidua.web.security.AppUser;
import vn.thidua.web.security.Permissions;

import java.net.URI;

@RestController
@RequestMapping("/api/v1/clusters")
public class ClusterController {
    private final CommandSender commands;
    private final ClusterDirectory clusters;
    private final Permissions permissions;

    public ClusterController(CommandSender commands, ClusterDirectory clusters, Permissions permissions) {
        this.commands = commands;
        this.clusters = clusters;
        this.permissions = permissions;
    }

    @PostMapping
    public ResponseEntity<ClusterRegistered> register(@AuthenticationPrincipal AppUser user,
                                                      @Valid @RequestBody Bodies.Cluster body) {
        var actor = permissions.operatorOrBoard(user);
        Outcome outcome = commands.send(actor, new RegisterCluster(body.code(), body.name(),
                body.members().stream().map(Bodies.Member::toUnit).toList(), body.headUnit()));
        ClusterRegistered cluster = get(body.code());
        return outcome == Outcome.CREATED
                ? ResponseEntity.created(URI.create("/api/v1/clusters/" + body.code())).body(cluster)
                : ResponseEntity.ok(cluster);
    }

    @GetMapping("/{code}")
    public ClusterRegistered get(@PathVariable String code) {
        return clusters.findCluster(code).orElseThrow(() -> new NotFound("cluster", code));
    }
}
