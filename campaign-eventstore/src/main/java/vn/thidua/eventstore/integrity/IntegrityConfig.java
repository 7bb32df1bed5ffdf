package vn.thidua.eventstore.integrity;

import org.axonframework.common.AxonThreadFactory;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.Executors;

/**
 * The hash chain's processor: pooled streaming, one segment (one sealer in the whole cluster at a time, claimed
 * through the token table like the projections' segments and taken over by another node when its owner dies), one
 * worker thread, batches of {@code thidua.integrity.batch-size} (500). No dead-letter queue: an event that cannot be
 * sealed stops the chain (and is retried) rather than being skipped.
 */
@org.springframework.context.annotation.Configuration
public class IntegrityConfig {

    @Bean
    public ConfigurerModule integrityChainProcessor(@Value("${thidua.integrity.batch-size:500}") int batchSize) {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessor(ChainSealer.GROUP,
                Configuration::eventStore, (config, builder) -> builder
                        .initialSegmentCount(1)
                        .maxClaimedSegments(1)
                        .batchSize(batchSize)
                        .coordinatorExecutor(name -> Executors.newScheduledThreadPool(1,
                                new AxonThreadFactory("Coordinator[" + name + "]")))
                        .workerExecutor(name -> Executors.newScheduledThreadPool(1,
                                new AxonThreadFactory("WorkPackage[" + name + "]"))));
    }
}
