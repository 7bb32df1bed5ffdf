package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Statement;

/**
 * On PostgreSQL, leaves room in each page of progress_value so that a report's in-place update stays on its page
 * and touches no index (a heap-only tuple): every correction rewrites a period's rows, and with full pages each
 * rewrite added an entry to both of the table's indexes, which index lookups then had to step over
 * (BENCHMARKS.md). H2, the embedded default, has no such setting, so this migration does nothing there. Pages
 * written before it fill to 70 % only as they are rewritten (or after a VACUUM FULL, at the operator's choice).
 */
public class V8__progress_value_fillfactor extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        if (!"PostgreSQL".equals(context.getConnection().getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("ALTER TABLE progress_value SET (fillfactor = 70)");
        }
    }
}
