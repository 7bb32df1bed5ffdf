package vn.thidua.web.ballot;

import org.springframework.boot.test.context.SpringBootTest;
import vn.thidua.web.testsupport.OnH2;

/** The secret ballot scenarios on the embedded H2 database. */
@OnH2
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {BallotScenarios.NO_DEMO, BallotScenarios.ADMIN_USER, BallotScenarios.ADMIN_PASSWORD,
                BallotScenarios.FAST_CLOSING, BallotScenarios.BOX_KEY})
class BallotH2IT extends BallotScenarios {
}
