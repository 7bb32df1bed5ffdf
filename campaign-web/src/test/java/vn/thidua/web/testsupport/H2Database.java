package vn.thidua.web.testsupport;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;
import java.util.UUID;

/**
 * An in-memory H2 database of its own for each Spring context: two contexts on one named database break each other.
 * Used through {@link OnH2}.
 */
public final class H2Database implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name = "thidua_it_" + UUID.randomUUID().toString().replace("-", "");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("h2Database", Map.of(
                "spring.datasource.url", "jdbc:h2:mem:" + name
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "spring.datasource.username", "sa",
                "spring.datasource.password", "")));
    }
}
