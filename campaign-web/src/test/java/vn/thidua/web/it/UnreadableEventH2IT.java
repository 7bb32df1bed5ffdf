package vn.thidua.web.it;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.thidua.web.testsupport.H2Database;

/** An unreadable event on the embedded H2 database, in a context of its own. */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {ApiScenarioSupport.NO_DEMO, ApiScenarioSupport.ADMIN_USER, ApiScenarioSupport.ADMIN_PASSWORD})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class UnreadableEventH2IT extends UnreadableEventScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        H2Database.register(registry);
    }
}
