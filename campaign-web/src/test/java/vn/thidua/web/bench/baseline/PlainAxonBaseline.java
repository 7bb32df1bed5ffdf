package vn.thidua.web.bench.baseline;

import jakarta.validation.Valid;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.command.support.StoreCheckedAggregateCache;
import vn.thidua.domain.shared.Role;
import vn.thidua.web.api.Bodies;
import vn.thidua.web.app.CommandSender;
import vn.thidua.web.security.Actor;
import vn.thidua.web.security.AppUser;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Benchmark baseline only (profile {@code bench}, never in a normal run): "plain Axon" in this application's stack.
 * The same HTTP path shape, Basic-auth chain, JSON body and bean validation as the report PUT, then a command
 * through the application's {@link CommandSender} to {@link BenchTally}, whose repository is event-sourced and
 * cached exactly like the participation's (a {@link StoreCheckedAggregateCache} checked against the stream's last
 * sequence) over a JDBC event store on tables of its own, created by the bench profile's own Flyway location
 * ({@link BenchTables}). No rules, no
 * projections: what is left is Axon's own command path. See BENCHMARKS.md, "Command path".
 */
@Configuration
@Profile("bench")
@RestController
@RequestMapping("/api/v1/bench-axon")
public class PlainAxonBaseline {
    static final String REPOSITORY = "benchTallyRepository";
    private static final String EVENTS = "bench_axon_event";
    private static final String SNAPSHOTS = "bench_axon_snapshot";

    private final CommandSender commands;

    public PlainAxonBaseline(CommandSender commands) {
        this.commands = commands;
    }

    /**
     * The event store lives only inside this repository: declared as a bean, a second EventStore would take the
     * place of the application's own in Axon's auto-configuration.
     */
    @Bean(REPOSITORY)
    public EventSourcingRepository<BenchTally> benchTallyRepository(JdbcTemplate jdbc,
            ConnectionProvider connections, TransactionManager transactions, Serializer serializer) {
        EventSchema schema = EventSchema.builder().eventTable(EVENTS).snapshotTable(SNAPSHOTS)
                .globalIndexColumn("global_index").eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier").sequenceNumberColumn("sequence_number")
                .typeColumn("type").timestampColumn("time_stamp").payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision").payloadColumn("payload").metaDataColumn("meta_data")
                .build();
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder().connectionProvider(connections)
                .transactionManager(transactions).eventSerializer(serializer).snapshotSerializer(serializer)
                .persistenceExceptionResolver(new SQLStateResolver("23505")).schema(schema).build();
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        // The same stream-head query as the application's (EventTable.lastSequenceOf), on this table.
        StoreCheckedAggregateCache cache = new StoreCheckedAggregateCache(10_000, stream -> jdbc.query(
                "SELECT sequence_number FROM " + EVENTS + " WHERE aggregate_identifier = ?"
                        + " ORDER BY sequence_number DESC LIMIT 1",
                rs -> rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty(), stream));
        return EventSourcingRepository.builder(BenchTally.class).eventStore(store).cache(cache).build();
    }

    /** Same path shape and body as {@code PUT /api/v1/campaigns/{id}/reports/{unit}/{period}}; one event per call. */
    @PutMapping("/campaigns/{campaignId}/reports/{unitCode}/{periodCode}")
    public Map<String, Object> report(vn.thidua.web.app.Caller caller, @PathVariable String campaignId,
                                      @PathVariable String unitCode, @PathVariable String periodCode,
                                      @Valid @RequestBody Bodies.Report body) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        body.values().forEach((code, node) -> values.put(code, BareReportController.decimal(node)));
        Object recorded = commands.dispatch(new Actor(caller.user().username(), unitCode, Role.UNIT_OFFICER), caller,
                new BenchTally.RecordTally("tally-" + campaignId + "-" + unitCode + "-" + periodCode, values,
                        body.reason()), Object.class).result();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("campaignId", campaignId);
        answer.put("unitCode", unitCode);
        answer.put("periodCode", periodCode);
        answer.put("values", values);
        answer.put("recorded", recorded);
        return answer;
    }
}
