package vn.thidua.web.bench.baseline;

import org.flywaydb.core.api.Location;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import java.util.Arrays;

/**
 * Benchmark only (profile {@code bench}): adds the baselines' own Flyway location, {@code classpath:db/bench}
 * (a repeatable migration creating {@code bench_bare_event}, {@code bench_axon_event} and
 * {@code bench_axon_snapshot}), to the application's Flyway run. Both the location and this class live in
 * campaign-web's test sources and the bench jar, never in the application jar or its migrations.
 */
@Configuration
@Profile("bench")
public class BenchTables {
    static final String LOCATION = "classpath:db/bench";

    @Bean
    public FlywayConfigurationCustomizer benchTablesLocation() {
        return configuration -> {
            Location[] locations = Arrays.copyOf(configuration.getLocations(),
                    configuration.getLocations().length + 1);
            locations[locations.length - 1] = new Location(LOCATION);
            configuration.locations(locations);
        };
    }
}
