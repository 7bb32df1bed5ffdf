package vn.thidua.web.it;

import org.springframework.boot.test.context.SpringBootTest;
import vn.thidua.web.testsupport.OnPostgres;

/**
 * Sign-in and exposure scenarios on PostgreSQL (profile {@code postgres}), in a database created for this class and
 * dropped after it. Skipped when PostgreSQL is unreachable, failed instead when {@code THIDUA_REQUIRE_POSTGRES=1}.
 */
@OnPostgres
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {WriteSideScenarios.NO_DEMO, WriteSideScenarios.ADMIN_USER, WriteSideScenarios.ADMIN_PASSWORD,
                SecurityScenarios.PER_USER, SecurityScenarios.PER_ADDRESS})
class SecurityPostgresIT extends SecurityScenarios {
}
