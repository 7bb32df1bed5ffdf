package vn.thidua.web.config;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import vn.thidua.command.support.EventStoreLookups;
import vn.thidua.command.support.StreamTargetResolver;
import vn.thidua.domain.shared.MetadataKeys;
import vn.thidua.query.support.EventJson;

import java.time.Clock;

/** Axon on JDBC: Flyway owns the tables (snake_case, BYTEA), Jackson writes the events, the app owns the clock. */
@Configuration
public class AxonConfig {

    @Bean
    public AppClock appClock() {
        AppClock clock = new AppClock(Clock.systemUTC());
        GenericEventMessage.clock = clock;
        return clock;
    }

    @Bean
    @Primary
    public Serializer serializer() {
        return jackson();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return jackson();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return jackson();
    }

    private static Serializer jackson() {
        return JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
    }

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry").snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index").eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier").sequenceNumberColumn("sequence_number")
                .typeColumn("type").timestampColumn("time_stamp").payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision").payloadColumn("payload").metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder().setTokenTable("token_entry").setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment").setTokenColumn("token").setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp").setOwnerColumn("owner").build();
    }

    @Bean
    public DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder().deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id").processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier").sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type").eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp").payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision").payloadColumn("payload").metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type").aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number").tokenTypeColumn("token_type").tokenColumn("token")
                .enqueuedAtColumn("enqueued_at").lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started").causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message").diagnosticsColumn("diagnostics")
                .build();
    }

    @Bean(StreamTargetResolver.BEAN_NAME)
    public StreamTargetResolver streamTargetResolver() {
        return new StreamTargetResolver();
    }

    @Bean
    public EventStoreLookups eventStoreLookups(EventStore eventStore) {
        return new EventStoreLookups(eventStore);
    }

    /**
     * Who acted, for which unit, in which role, the request's correlation id and the client's request id travel
     * from command to events unchanged. (Axon's MessageOriginProvider would replace the correlation id with the
     * command's message id, so the request's own id is carried instead, and the command id as causation.)
     */
    @Bean
    public CorrelationDataProvider actorCorrelationProvider() {
        return new SimpleCorrelationDataProvider(MetadataKeys.USER, MetadataKeys.UNIT, MetadataKeys.ROLE,
                MetadataKeys.CORRELATION_ID, MetadataKeys.CLIENT_REQUEST_ID);
    }

    @Bean
    public CorrelationDataProvider causationProvider() {
        return new MessageOriginProvider("causationId", "traceId");
    }
}
