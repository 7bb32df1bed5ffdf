package vn.thidua.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon's tables as this product owns them: the schema Flyway creates (snake_case, BIGINT identity, BYTEA; migrations
 * beside this class), the Jackson form of events, messages and tokens, the repair of events stored before the
 * numeric range, and how a lost race on a stream is recognised.
 */
@Configuration
public class EventStoreConfiguration {

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

    /** Events stored before the numeric range and text rule read as every other reader reads them (StoredJsonRepair). */
    @Bean
    public StoredValueUpcaster storedValueUpcaster() {
        return new StoredValueUpcaster();
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

    /**
     * A lost race is a duplicate (stream, sequence) key: SQLState 23505 on PostgreSQL and on H2. Axon's default
     * resolver only recognises SQLIntegrityConstraintViolationException, which the PostgreSQL driver never throws,
     * so the race would surface as a 500 instead of a ConcurrencyException the gateway retries.
     */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }
}
