package vn.thidua.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@link StoredJsonRepair} in Axon's upcaster chain, so that aggregates and event processors read events stored
 * before the numeric range and text rule exactly as the direct event-table reader does. Only events whose bytes
 * may need it are turned into a tree; the type and revision stay (the event means what it meant).
 */
public class StoredValueUpcaster extends SingleEventUpcaster {
    private static final String DOMAIN = "vn.thidua.domain.";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        if (!representation.getType().getName().startsWith(DOMAIN)) {
            return false;
        }
        if (representation.canConvertDataTo(byte[].class)) {
            return StoredJsonRepair.mayNeedRepair(representation.getData(byte[].class).getData());
        }
        return true;
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(representation.getType(), JsonNode.class, node -> {
            StoredJsonRepair.repair(node);
            return node;
        });
    }
}
