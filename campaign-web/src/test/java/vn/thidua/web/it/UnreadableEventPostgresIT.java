package vn.thidua.web.it;

import org.springframework.boot.test.context.SpringBootTest;
import vn.thidua.web.testsupport.OnPostgres;

/** An unreadable event on PostgreSQL, in a database and a context of its own. */
@OnPostgres
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {ApiScenarioSupport.NO_DEMO, ApiScenarioSupport.ADMIN_USER, ApiScenarioSupport.ADMIN_PASSWORD})
class UnreadableEventPostgresIT extends UnreadableEventScenarios {
}
