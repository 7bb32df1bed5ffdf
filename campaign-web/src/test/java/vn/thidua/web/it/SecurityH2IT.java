package vn.thidua.web.it;

import org.springframework.boot.test.context.SpringBootTest;
import vn.thidua.web.testsupport.OnH2;

/** Sign-in and exposure scenarios on the embedded H2 database, in memory, its own. */
@OnH2
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {WriteSideScenarios.NO_DEMO, WriteSideScenarios.ADMIN_USER, WriteSideScenarios.ADMIN_PASSWORD,
                SecurityScenarios.PER_USER, SecurityScenarios.PER_ADDRESS})
class SecurityH2IT extends SecurityScenarios {
}
