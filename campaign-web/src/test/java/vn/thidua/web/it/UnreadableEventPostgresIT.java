package vn.thidua.web.it;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.thidua.web.testsupport.PostgresDatabase;

/** An unreadable event on PostgreSQL, in a database and a context of its own. */
@Tag("postgres")
@ExtendWith(PostgresDatabase.class)
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {ApiScenarioSupport.NO_DEMO, ApiScenarioSupport.ADMIN_USER, ApiScenarioSupport.ADMIN_PASSWORD})
@ActiveProfiles("postgres")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class UnreadableEventPostgresIT extends UnreadableEventScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry);
    }
}
