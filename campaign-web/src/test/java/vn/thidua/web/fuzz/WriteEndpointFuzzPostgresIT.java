package vn.thidua.web.fuzz;

import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import vn.thidua.web.testsupport.PostgresDatabase;

import java.sql.SQLException;

/**
 * {@link WriteEndpointFuzz} on PostgreSQL (profile {@code postgres}), in a database created for this class and dropped
 * after it, 40 tries per endpoint group. PostgreSQL refuses some text H2 stores (NUL) and has its own numeric limits,
 * so a body accepted here must be storable and projectable here. Skipped when PostgreSQL is unreachable, failed
 * instead when {@code THIDUA_REQUIRE_POSTGRES=1} (as for the Jupiter tests, {@link PostgresDatabase}).
 */
@Tag("postgres")
@AddLifecycleHook(WriteEndpointFuzzPostgresIT.SkipWithoutPostgres.class)
@PropertyDefaults(tries = 40)
class WriteEndpointFuzzPostgresIT extends WriteEndpointFuzz {
    static String database;

    /** Skips the class when PostgreSQL does not answer, unless it is required. */
    public static class SkipWithoutPostgres implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            if (PostgresDatabase.required() || PostgresDatabase.reachable()) {
                return SkipResult.doNotSkip();
            }
            return SkipResult.skip("PostgreSQL is not reachable at " + PostgresDatabase.adminUrl()
                    + "; set THIDUA_REQUIRE_POSTGRES=1 to fail instead");
        }
    }

    @BeforeContainer
    static void startApplication() throws SQLException {
        database = PostgresDatabase.createDatabase();
        start("spring.profiles.active=postgres", "spring.datasource.url=" + PostgresDatabase.databaseUrl(database),
                "spring.datasource.username=" + PostgresDatabase.user(),
                "spring.datasource.password=" + PostgresDatabase.password(),
                "spring.datasource.hikari.maximum-pool-size=8");
    }

    @AfterContainer
    static void stopApplication() {
        try {
            stop();
        } finally {
            if (database != null) {
                PostgresDatabase.dropDatabase(database);
                database = null;
            }
        }
    }
}
