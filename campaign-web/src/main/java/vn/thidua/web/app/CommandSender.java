package vn.thidua.web.app;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import vn.thidua.domain.shared.Answered;
import vn.thidua.domain.shared.MetadataKeys;
import vn.thidua.domain.shared.Outcome;
import vn.thidua.domain.shared.TargetsStream;
import vn.thidua.web.security.Actor;

import vn.thidua.eventstore.EventTable;

import java.util.HashMap;
import java.util.Map;

/**
 * Sends a command and waits until it is stored, with the actor and the caller's correlation and client request ids
 * as metadata (the events it records carry the same); then, as the caller's {@link Consistency} asks, until the
 * projections have processed it.
 */
@Component
public class CommandSender {
    private final CommandGateway gateway;
    private final ConsistencyWait consistency;
    private final EventTable events;

    public CommandSender(CommandGateway gateway, ConsistencyWait consistency, EventTable events) {
        this.gateway = gateway;
        this.consistency = consistency;
        this.events = events;
    }

    /** Sends as {@code actor}; answers the handler's own answer (e.g. the state a submission left). */
    public <T> Dispatched<T> dispatch(Actor actor, Caller caller, Object command, Class<T> answer) {
        boolean wait = caller.consistency().await() && command instanceof TargetsStream;
        // Where the stream ended before: the wait then asks only the projections that handle what this command added.
        long before = wait ? events.lastSequenceOf(((TargetsStream) command).streamId()).orElse(-1L) : -1L;
        Object result = gateway.sendAndWait(command, metadataFor(actor, caller.correlationId(),
                caller.clientRequestId()));
        String notCaughtUp = wait ? consistency.await(((TargetsStream) command).streamId(), caller.consistency(),
                before) : null;
        return new Dispatched<>(answer.cast(result), notCaughtUp);
    }

    /** Sends as {@code actor}; answers only whether the command recorded something. */
    public Dispatched<Outcome> send(Actor actor, Caller caller, Object command) {
        Dispatched<Object> sent = dispatch(actor, caller, command, Object.class);
        Object result = sent.result();
        Outcome outcome = result instanceof Answered answered ? answered.outcome()
                : result instanceof Outcome o ? o : Outcome.CREATED;
        return new Dispatched<>(outcome, sent.notCaughtUp());
    }

    public static MetaData metadataFor(Actor actor, String correlationId, String clientRequestId) {
        Map<String, Object> meta = new HashMap<>();
        meta.put(MetadataKeys.USER, actor.user());
        if (actor.unit() != null) {
            meta.put(MetadataKeys.UNIT, actor.unit());
        }
        meta.put(MetadataKeys.ROLE, actor.role().name());
        meta.put(MetadataKeys.CORRELATION_ID, correlationId);
        if (clientRequestId != null) {
            meta.put(MetadataKeys.CLIENT_REQUEST_ID, clientRequestId);
        }
        return MetaData.from(meta);
    }
}
