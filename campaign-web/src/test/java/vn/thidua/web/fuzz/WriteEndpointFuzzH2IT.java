package vn.thidua.web.fuzz;

import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.util.UUID;

/**
 * {@link WriteEndpointFuzz} on the embedded H2 database (in memory, its own), 200 tries per endpoint group. It is
 * part of the normal test command.
 */
@PropertyDefaults(tries = 200)
class WriteEndpointFuzzH2IT extends WriteEndpointFuzz {

    @BeforeContainer
    static void startApplication() {
        String db = "thidua_fuzz_" + UUID.randomUUID().toString().replace("-", "");
        start("spring.datasource.url=jdbc:h2:mem:" + db
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "spring.datasource.username=sa", "spring.datasource.password=");
    }

    @AfterContainer
    static void stopApplication() {
        stop();
    }
}
