package vn.thidua.web.bench.baseline;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.context.annotation.Profile;
import vn.thidua.command.support.StreamTargetResolver;
import vn.thidua.domain.shared.TargetsStream;

import java.math.BigDecimal;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Benchmark baseline only (profile {@code bench}): the smallest event-sourced aggregate Axon runs, so that
 * {@code bench/command-path.sh} can measure, in the same run, what Axon's command path costs on its own as this
 * application configures it (gateway, command bus, interceptors, a store-checked cached repository, the JDBC
 * event store, one transaction per command) with no domain rules and no projections. Its events go to a table
 * of their own ({@link PlainAxonBaseline}), which no event processor reads.
 */
@Profile("bench")
@Aggregate(repository = PlainAxonBaseline.REPOSITORY, commandTargetResolver = StreamTargetResolver.BEAN_NAME)
public class BenchTally {
    @AggregateIdentifier
    private String id;
    private long recorded;

    protected BenchTally() {
    }

    /** Records every command; answers how many this stream has recorded. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordTally command) {
        apply(new TallyRecorded(command.streamId(), command.values(), command.reason()));
        return recorded;
    }

    @EventSourcingHandler
    void on(TallyRecorded event) {
        id = event.streamId();
        recorded++;
    }

    public record RecordTally(String streamId, Map<String, BigDecimal> values, String reason)
            implements TargetsStream {
    }

    /** Shaped like a report correction (values and a reason), so serializing it costs about the same. */
    public record TallyRecorded(String streamId, Map<String, BigDecimal> values, String reason) {
    }
}
