package vn.thidua.web.ops;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Segment balancing through Axon: every pooled streaming processor gets a {@code maxSegmentProvider} that answers
 * this node's fair share ({@link LiveNodes#fairShare}); the processor's coordinator releases the segments above it
 * (each released segment is not claimed back by this node for one token claim interval) and claims no more than
 * it, so the other nodes take the rest. The segment count comes from the processor's token store.
 */
@Configuration
public class SegmentSharing {

    @Bean
    public ConfigurerModule segmentSharingModule(LiveNodes nodes) {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerPooledStreamingEventProcessorConfiguration((config, builder) ->
                        builder.maxSegmentProvider(processor -> nodes.fairShare(processor, () -> {
                            TokenStore tokens = config.eventProcessingConfiguration().tokenStore(processor);
                            TransactionManager transactions = config.getComponent(TransactionManager.class);
                            return transactions.fetchInTransaction(() -> tokens.fetchSegments(processor)).length;
                        }))));
    }
}
