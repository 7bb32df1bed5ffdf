package vn.thidua.web.browser;

import org.springframework.boot.test.context.SpringBootTest;
import vn.thidua.web.testsupport.OnH2;

/** The browser scenarios on the embedded default: an in-memory H2 database of this class's own, with the demo data. */
@OnH2
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"thidua.demo.enabled=true", "thidua.demo.password=" + BrowserScenarios.PASSWORD})
class BrowserH2IT extends BrowserScenarios {
}
