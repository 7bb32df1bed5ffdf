package vn.thidua.query.testsupport;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Hands an event to a projection as Axon's processor does: through Axon's annotated-handler adapter, which picks the
 * projection's {@code @EventHandler} for the event's type (or none) and resolves its parameters.
 */
public final class Deliver {
    private static final Map<Object, AnnotationEventHandlerAdapter> ADAPTERS = new IdentityHashMap<>();

    private Deliver() {
    }

    public static void to(Object projection, EventMessage<?> message) {
        AnnotationEventHandlerAdapter adapter;
        synchronized (ADAPTERS) {
            adapter = ADAPTERS.computeIfAbsent(projection, AnnotationEventHandlerAdapter::new);
        }
        try {
            adapter.handle(message);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
