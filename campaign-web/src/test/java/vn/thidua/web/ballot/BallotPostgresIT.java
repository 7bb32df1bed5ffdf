package vn.thidua.web.ballot;

import org.springframework.boot.test.context.SpringBootTest;
import vn.thidua.web.testsupport.OnPostgres;

/** The secret ballot scenarios on PostgreSQL, in a database of this class's own. */
@OnPostgres
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {BallotScenarios.NO_DEMO, BallotScenarios.ADMIN_USER, BallotScenarios.ADMIN_PASSWORD,
                BallotScenarios.FAST_CLOSING, BallotScenarios.BOX_KEY})
class BallotPostgresIT extends BallotScenarios {
}
