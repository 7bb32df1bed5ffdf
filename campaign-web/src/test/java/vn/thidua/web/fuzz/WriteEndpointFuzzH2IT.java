package vn.thidua.web.fuzz;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.util.UUID;

/**
 * {@link WriteEndpointFuzz} on the embedded H2 database (in memory, its own), 200 tries per endpoint group. It is
 * part of the normal test command.
 */
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

    @Example
    void everyWriteOperationOfTheOpenApiDocumentIsFuzzed() {
        everyWriteOperationIsFuzzed();
    }

    @Example
    void aDisplayNameWithControlCharactersIsRefused() {
        displayNameWithForbiddenCharactersIsRefused();
    }

    @Property(tries = 200)
    void clusters(@ForAll("clusterCalls") Call call) {
        check("clusters", call);
    }

    @Property(tries = 200)
    void campaigns(@ForAll("campaignCalls") Call call) {
        check("campaigns", call);
    }

    @Property(tries = 200)
    void submissions(@ForAll("submissionCalls") Call call) {
        check("submissions", call);
    }

    @Property(tries = 200)
    void commendations(@ForAll("commendationCalls") Call call) {
        check("commendations", call);
    }

    @Property(tries = 200)
    void users(@ForAll("userCalls") Call call) {
        check("users", call);
    }
}
