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

/**
 * Sign-in and exposure scenarios on PostgreSQL (profile {@code postgres}), in a database created for this class and
 * dropped after it. Skipped when PostgreSQL is unreachable, failed instead when {@code THIDUA_REQUIRE_POSTGRES=1}.
 */
@Tag("postgres")
@ExtendWith(PostgresDatabase.class)
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {WriteSideScenarios.NO_DEMO, WriteSideScenarios.ADMIN_USER, WriteSideScenarios.ADMIN_PASSWORD,
                SecurityScenarios.PER_USER, SecurityScenarios.PER_ADDRESS})
@ActiveProfiles("postgres")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SecurityPostgresIT extends SecurityScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry);
    }
}
