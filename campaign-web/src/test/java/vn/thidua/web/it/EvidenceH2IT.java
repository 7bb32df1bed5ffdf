package vn.thidua.web.it;

import org.springframework.boot.test.context.SpringBootTest;
import vn.thidua.web.testsupport.OnH2;

/** The evidence scenarios on the embedded H2 database, in memory, its own. */
@OnH2
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {ApiScenarioSupport.NO_DEMO, ApiScenarioSupport.ADMIN_USER, ApiScenarioSupport.ADMIN_PASSWORD,
                EvidenceScenarios.SMALL_LIMIT, EvidenceScenarios.PART_LIMIT, EvidenceScenarios.REQUEST_LIMIT,
                EvidenceScenarios.SMALL_SLICES})
class EvidenceH2IT extends EvidenceScenarios {
}
