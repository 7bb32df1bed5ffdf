package vn.thidua.web.api;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.springframework.http.ResponseEntity;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import vn.thidua.eventstore.ProcessorTables;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.eventstore.ProcessorPositions;
import vn.thidua.query.projection.ProjectionRebuilder;
import vn.thidua.query.projection.ProjectionStates;
import vn.thidua.query.projection.ProjectionStatus;
import vn.thidua.eventstore.EventTable;
import vn.thidua.web.security.AppUser;
import vn.thidua.web.security.Permissions;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/** Operations: each projection's state and progress, replay, and the dead letters of its event handlers. */
@RestController
@RequestMapping("/api/v1/admin/projections")
public class ProjectionAdminController {
    public record ProjectionView(String name, String status, long position, long headPosition, double progress,
                                 int generation, Long rebuildPosition, Long rebuildEvents, String startedAt,
                                 String finishedAt, String message, long deadLetters) {
    }

    public record DeadLetterView(String id, String processingGroup, String eventType, String aggregateId,
                                 Long sequenceNumber, Long position, String cause, String enqueuedAt,
                                 String lastTouched) {
        static DeadLetterView of(ProcessorTables.DeadLetter d) {
            return new DeadLetterView(d.id(), d.processingGroup(), d.eventType(), d.aggregateId(), d.sequenceNumber(),
                    d.position(), d.cause(), d.enqueuedAt(), d.lastTouched());
        }
    }

    private final ProjectionRebuilder rebuilder;
    private final ProjectionStates states;
    private final ProcessorPositions positions;
    private final EventTable events;
    private final Permissions permissions;
    private final ProcessorTables tables;
    private final EventProcessingConfiguration processing;

    public ProjectionAdminController(ProjectionRebuilder rebuilder, ProjectionStates states,
                                     ProcessorPositions positions, EventTable events, Permissions permissions,
                                     ProcessorTables tables, EventProcessingConfiguration processing) {
        this.rebuilder = rebuilder;
        this.states = states;
        this.positions = positions;
        this.events = events;
        this.permissions = permissions;
        this.tables = tables;
        this.processing = processing;
    }

    @GetMapping
    public List<ProjectionView> list(@AuthenticationPrincipal AppUser user) {
        permissions.operator(user);
        long head = events.headPosition();
        return states.all().stream().map(s -> view(s, head)).toList();
    }

    @GetMapping("/{name}")
    public ProjectionView get(@AuthenticationPrincipal AppUser user, @PathVariable String name) {
        permissions.operator(user);
        return view(states.status(name), events.headPosition());
    }

    @PostMapping("/{name}/replay")
    public ResponseEntity<ProjectionView> replay(@AuthenticationPrincipal AppUser user, @PathVariable String name) {
        permissions.operator(user);
        rebuilder.replay(name);
        return ResponseEntity.accepted().body(view(states.status(name), events.headPosition()));
    }

    @GetMapping("/{name}/dead-letters")
    public List<DeadLetterView> deadLetters(@AuthenticationPrincipal AppUser user, @PathVariable String name) {
        permissions.operator(user);
        states.status(name);
        return tables.deadLetters(name).stream().map(DeadLetterView::of).toList();
    }

    /** Retries every dead-lettered sequence of the projection; letters that fail again stay, with a new cause. */
    @PostMapping("/{name}/dead-letters/retry")
    public Map<String, Object> retry(@AuthenticationPrincipal AppUser user, @PathVariable String name) {
        permissions.operator(user);
        states.status(name);
        SequencedDeadLetterProcessor<?> processor = processing.sequencedDeadLetterProcessor(name)
                .orElseThrow(() -> new NotFound("dead-letter queue", name));
        long before = count(name);
        int attempts = 0;
        while (attempts < before && processor.processAny()) {
            attempts++;
        }
        return Map.of("name", name, "before", before, "after", count(name));
    }

    /**
     * Splits one segment of a projection's processor in two (more parallelism, more nodes can share the work), or
     * merges it with its sibling; the node that answers must be able to claim the segment. Answers the segment count.
     */
    @PostMapping("/{name}/segments/{segment}/{operation:split|merge}")
    public Map<String, Object> resegment(@AuthenticationPrincipal AppUser user, @PathVariable String name,
                                         @PathVariable int segment, @PathVariable String operation) {
        permissions.operator(user);
        states.status(name);
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new NotFound("event processor", name));
        boolean done = ("split".equals(operation) ? processor.splitSegment(segment) : processor.mergeSegment(segment))
                .orTimeout(30, TimeUnit.SECONDS).join();
        return Map.of("name", name, "operation", operation, "segment", segment, "done", done,
                "segments", tables.segments(name));
    }

    private long count(String group) {
        return processing.deadLetterQueue(group).map(SequencedDeadLetterQueue::size).orElse(0L);
    }

    private ProjectionView view(ProjectionStatus s, long head) {
        long position;
        if (s.rebuilding()) {
            position = s.rebuildPosition() == null ? 0 : s.rebuildPosition();
        } else {
            OptionalLong live = positions.position(s.name());
            position = live.isPresent() ? live.getAsLong() : 0;
        }
        double progress = head == 0 ? 1.0 : Math.min(1.0, (double) position / head);
        return new ProjectionView(s.name(), s.status(), position, head, progress, s.activeGeneration(),
                s.rebuildPosition(), s.rebuildEvents(), s.startedAt(), s.finishedAt(), s.message(), count(s.name()));
    }

}
