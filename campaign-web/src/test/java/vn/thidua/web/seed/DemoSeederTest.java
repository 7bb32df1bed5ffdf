package vn.thidua.web.seed;

import org.axonframework.messaging.MetaData;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;
import vn.thidua.domain.shared.MetadataKeys;
import vn.thidua.web.config.AppClock;
import vn.thidua.web.security.Actor;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed writes its history after Axon has started and before the web server does, each command dated. */
class DemoSeederTest {

    @Test
    void seedsBetweenAxonsStartAndTheWebServers() {
        // Spring Boot starts the web server (opens its connectors) at this phase: WebServerStartStopLifecycle.
        int webServer = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 1024;
        assertThat(DemoSeeder.PHASE).isGreaterThan(SpringAxonConfiguration.LIFECYCLE_PHASE).isLessThan(webServer);
    }

    @Test
    void everySeededCommandCarriesItsStepsInstantBesideWhoSentIt() {
        SeedStep step = ClusterTwoSeed.history2021().get(0);
        MetaData metadata = DemoSeeder.metadataFor(step, new Actor(step.actorUser(), step.actorUnit(),
                step.actorRole()));
        assertThat(metadata.get(AppClock.RECORDED_AT)).isEqualTo(step.at());
        assertThat(metadata.get(MetadataKeys.USER)).isEqualTo(step.actorUser());
        assertThat(metadata.get(MetadataKeys.ROLE)).isEqualTo(step.actorRole().name());
    }
}
