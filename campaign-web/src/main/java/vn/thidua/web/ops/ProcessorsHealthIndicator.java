package vn.thidua.web.ops;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/** Health of each event processor on this node: DOWN when a processor is in error; its lag beside. */
@Component("processors")
public class ProcessorsHealthIndicator implements HealthIndicator {
    private final EventProcessingConfiguration processing;
    private final ProcessorMonitor monitor;

    public ProcessorsHealthIndicator(EventProcessingConfiguration processing, ProcessorMonitor monitor) {
        this.processing = processing;
        this.monitor = monitor;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        for (String name : monitor.processors()) {
            Map<String, Object> details = new LinkedHashMap<>();
            EventProcessor processor = processing.eventProcessor(name).orElse(null);
            if (processor == null) {
                continue;
            }
            details.put("running", processor.isRunning());
            details.put("error", processor.isError());
            if (processor instanceof StreamingEventProcessor streaming) {
                details.put("segmentsClaimedHere", streaming.processingStatus().size());
            }
            details.put("lagEvents", monitor.lagEvents(name));
            details.put("deadLetters", monitor.deadLetters(name));
            if (processor.isError()) {
                health.down();
            }
            health.withDetail(name, details);
        }
        return health.build();
    }
}
