package vn.thidua.web.it;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.thidua.web.testsupport.H2Database;

/** Sign-in and exposure scenarios on the embedded H2 database, in memory, its own. */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {WriteSideScenarios.NO_DEMO, WriteSideScenarios.ADMIN_USER, WriteSideScenarios.ADMIN_PASSWORD,
                SecurityScenarios.PER_USER, SecurityScenarios.PER_ADDRESS})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SecurityH2IT extends SecurityScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        H2Database.register(registry);
    }
}
