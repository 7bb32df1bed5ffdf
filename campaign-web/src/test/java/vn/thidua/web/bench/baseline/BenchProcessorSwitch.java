package vn.thidua.web.bench.baseline;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.TreeMap;

/**
 * Benchmark only (profile {@code bench}, never in a normal run): stops and starts this node's event processors, so
 * that {@code bench/command-path.sh} can measure the command path with the projections stopped and then what the
 * projections cost per event while they catch up, apart. Tokens stay in the store; a start resumes from them.
 */
@RestController
@Profile("bench")
@RequestMapping("/api/v1/bench-processors")
public class BenchProcessorSwitch {
    private final EventProcessingConfiguration processing;

    public BenchProcessorSwitch(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @PostMapping("/stop")
    public Map<String, Boolean> stop() {
        processing.eventProcessors().values().forEach(EventProcessor::shutDown);
        return running();
    }

    @PostMapping("/start")
    public Map<String, Boolean> start() {
        processing.eventProcessors().values().forEach(EventProcessor::start);
        return running();
    }

    private Map<String, Boolean> running() {
        Map<String, Boolean> running = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> running.put(name, processor.isRunning()));
        return running;
    }
}
