package vn.thidua.web.it;

import org.springframework.boot.test.context.SpringBootTest;
import vn.thidua.web.testsupport.OnPostgres;

/** The public notice scenarios on PostgreSQL, in a database of their own. */
@OnPostgres
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {WriteSideScenarios.NO_DEMO, WriteSideScenarios.ADMIN_USER, WriteSideScenarios.ADMIN_PASSWORD,
                NoticeScenarios.TEN_WORKING_DAYS})
class NoticePostgresIT extends NoticeScenarios {
}
