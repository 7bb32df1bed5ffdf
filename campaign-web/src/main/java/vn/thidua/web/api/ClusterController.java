package vn.thidua.web.api;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
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
import vn.thidua.web.app.Caller;
import vn.thidua.web.app.ClusterService;
import vn.thidua.web.app.Dispatched;

import java.net.URI;

/** Emulation clusters on the wire: registration with their members, and reading one. */
@RestController
@RequestMapping("/api/v1/clusters")
public class ClusterController {
    private final ClusterService service;
    private final ClusterDirectory clusters;

    public ClusterController(ClusterService service, ClusterDirectory clusters) {
        this.service = service;
        this.clusters = clusters;
    }

    @PostMapping
    public ResponseEntity<ClusterRegistered> register(Caller caller, @Valid @RequestBody Bodies.Cluster body) {
        Dispatched<Outcome> sent = service.register(caller, new RegisterCluster(body.code(), body.name(),
                body.members().stream().map(Bodies.Member::toUnit).toList(), body.headUnit()));
        return Callers.answer(sent.result() == Outcome.CREATED
                ? ResponseEntity.created(URI.create("/api/v1/clusters/" + body.code())) : ResponseEntity.ok(),
                get(body.code()), sent);
    }

    @GetMapping("/{code}")
    public ClusterRegistered get(@PathVariable String code) {
        return clusters.findCluster(code).orElseThrow(() -> new NotFound("cluster", code));
    }
}
