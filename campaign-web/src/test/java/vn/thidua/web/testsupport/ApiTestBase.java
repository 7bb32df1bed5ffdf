package vn.thidua.web.testsupport;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thidua.web.testsupport.Driver.map;

/**
 * A test of the application through real HTTP, on the random port and database a concrete subclass starts it
 * with: a client, and a driver that builds clusters and campaigns through the API as the operator.
 */
public abstract class ApiTestBase {
    /** What the concrete classes start the application with: no demo data, and this operator. */
    public static final String NO_DEMO = "thidua.demo.enabled=false";
    public static final String ADMIN_USER = "thidua.admin.user=ops";
    public static final String ADMIN_PASSWORD = "thidua.admin.password=Ops-it-secret-1";
    public static final Api.Creds OPERATOR = new Api.Creds("ops", "Ops-it-secret-1");

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;

    protected Api api;
    protected Driver driver;

    @BeforeEach
    void connectApi() {
        api = new Api(port);
        driver = new Driver(api, OPERATOR);
    }

    protected static void assertStatus(Api.Response r, int status) {
        assertThat(r.status()).as("%s", r).isEqualTo(status);
    }

    /** The campaign, unit 1 (index 1) leading clearly under any scoring method; every report verified by the board. */
    protected Fixture scored(Fixture f) {
        Object[][] reports = {{110, true, 55}, {150, true, 75}, {100, true, 50}};
        for (int u = 0; u < 3; u++) {
            driver.pledged(f, u, 100, true, 50);
            driver.reported(f, u, "Q1", reports[u][0], reports[u][1], reports[u][2]);
            assertStatus(api.post(f.reportPath(u, "Q1") + "/verification").as(f.board()).header("Consistency", "wait")
                    .json(map("verdict", "VERIFIED", "comment", "đạt")).send(), 200);
        }
        return f;
    }
}

