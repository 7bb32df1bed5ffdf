package vn.thidua.web.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.thidua.domain.shared.Answered;
import vn.thidua.domain.shared.MetadataKeys;
import vn.thidua.domain.shared.Outcome;
import vn.thidua.domain.shared.TargetsStream;
import vn.thidua.web.security.Actor;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Sends a command and waits until it is stored, with the actor and the request's correlation and client request
 * ids as metadata; the events it records carry the same.
 */
@Component
public class CommandSender {
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    private final CommandGateway gateway;
    private final ConsistencyWait consistency;

    public CommandSender(CommandGateway gateway, ConsistencyWait consistency) {
        this.gateway = gateway;
        this.consistency = consistency;
    }

    /** Sends and waits until stored; answers only what the command recorded. */
    public Outcome send(Actor actor, Object command) {
        Object result = dispatch(actor, command);
        if (result instanceof Answered answered) {
            return answered.outcome();
        }
        return result instanceof Outcome outcome ? outcome : Outcome.CREATED;
    }

    /**
     * Sends and waits until stored, answering the handler's own answer (e.g. the state a submission left); with
     * {@code Consistency: wait}, also until the projections have caught up.
     */
    public Object dispatch(Actor actor, Object command) {
        Object result = gateway.sendAndWait(command, metadata(actor));
        HttpServletRequest request = currentRequest();
        String wait = request == null ? null : request.getHeader(ConsistencyWait.HEADER);
        if (ConsistencyWait.requested(wait) && command instanceof TargetsStream target) {
            consistency.awaitStream(target.streamId(), wait, currentResponse());
        }
        return result;
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

    private static MetaData metadata(Actor actor) {
        HttpServletRequest request = currentRequest();
        String correlation = header(request, CORRELATION_HEADER);
        return metadataFor(actor, correlation != null ? correlation : UUID.randomUUID().toString(),
                header(request, REQUEST_ID_HEADER));
    }

    private static HttpServletResponse currentResponse() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getResponse() : null;
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    private static String header(HttpServletRequest request, String name) {
        if (request == null) {
            return null;
        }
        String value = request.getHeader(name);
        return value == null || value.isBlank() || value.length() > 200 ? null : value;
    }
}
