package vn.thidua.command.support;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import vn.thidua.domain.shared.TargetsStream;

/**
 * Routes a command to its event stream through {@link TargetsStream}, so the domain's command records need no
 * framework annotation.
 */
public class StreamTargetResolver implements CommandTargetResolver {
    public static final String BEAN_NAME = "streamTargetResolver";

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (command.getPayload() instanceof TargetsStream target) {
            return new VersionedAggregateIdentifier(target.streamId(), null);
        }
        throw new IllegalArgumentException(command.getPayloadType().getName() + " does not name its stream");
    }
}
