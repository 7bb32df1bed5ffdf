package vn.thidua.web.ops;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Health of each event processor: DOWN when a processor is in error on this node, or when its dead-letter queue
 * (shared by all nodes) holds events, since the read model then misses them until they are retried; the reason
 * (the first dead letter's event type, position and cause) is in the processor's details, with its lag.
 */
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
            long deadLetters = monitor.deadLetters(name);
            details.put("deadLetters", deadLetters);
            if (processor.isError()) {
                health.down();
                details.put("reason", "the processor is in error on this node");
            }
            if (deadLetters > 0) {
                health.down();
                details.put("deadLetterSequences", monitor.deadLetterSequences(name));
                monitor.firstDeadLetter(name).ifPresent(first -> {
                    details.put("firstDeadLetter", firstDeadLetter(first));
                    details.putIfAbsent("reason", reason(deadLetters, first));
                });
                details.putIfAbsent("reason", deadLetters + " dead letter(s)");
            }
            health.withDetail(name, details);
        }
        return health.build();
    }

    private static Map<String, Object> firstDeadLetter(ProcessorMonitor.FirstDeadLetter first) {
        Map<String, Object> letter = new LinkedHashMap<>();
        letter.put("eventType", first.eventType());
        if (first.position() != null) {
            letter.put("position", first.position());
        }
        if (first.causeType() != null) {
            letter.put("causeType", first.causeType());
        }
        if (first.causeMessage() != null) {
            letter.put("cause", first.causeMessage());
        }
        letter.put("enqueuedAt", String.valueOf(first.enqueuedAt()));
        return letter;
    }

    /** E.g. "1 dead letter(s); first: vn…ReportSubmitted at position 42: Unknown campaign late-1". */
    static String reason(long deadLetters, ProcessorMonitor.FirstDeadLetter first) {
        StringBuilder reason = new StringBuilder().append(deadLetters).append(" dead letter(s); first: ")
                .append(first.eventType());
        if (first.position() != null) {
            reason.append(" at position ").append(first.position());
        }
        if (first.causeMessage() != null) {
            reason.append(": ").append(first.causeMessage());
        } else if (first.causeType() != null) {
            reason.append(": ").append(first.causeType());
        }
        return reason.toString();
    }
}
