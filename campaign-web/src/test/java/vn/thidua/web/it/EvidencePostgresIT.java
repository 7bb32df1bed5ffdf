package vn.thidua.web.it;

import org.springframework.boot.test.context.SpringBootTest;
import vn.thidua.web.testsupport.OnPostgres;

/** The evidence scenarios on PostgreSQL (bytea), in a database created for this class and dropped after it. */
@OnPostgres
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {ApiScenarioSupport.NO_DEMO, ApiScenarioSupport.ADMIN_USER, ApiScenarioSupport.ADMIN_PASSWORD,
                EvidenceScenarios.SMALL_LIMIT, EvidenceScenarios.PART_LIMIT, EvidenceScenarios.REQUEST_LIMIT,
                EvidenceScenarios.SMALL_SLICES})
class EvidencePostgresIT extends EvidenceScenarios {
}
