package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Statement;

/**
 * Evidence (minh chứng): the files' bytes, stored once per SHA-256 (content-addressed: {@code evidence_content}),
 * and the evidence read model ({@code evidence}, one row per file, by generation like every projection). The bytes
 * are {@code bytea} on PostgreSQL and a {@code BLOB} on H2 (streamed both ways; H2 keeps a BLOB outside the row), the
 * only difference between the two databases, hence a Java migration valid for both. The bytes are not derived from
 * events: they are primary data, backed up with the database (pg_dump, or the H2 file), never rebuilt.
 */
public class V11__evidence extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        boolean postgres = "PostgreSQL".equals(context.getConnection().getMetaData().getDatabaseProductName());
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("CREATE TABLE evidence_content ("
                    + " sha256    CHAR(64)    NOT NULL PRIMARY KEY,"
                    + " size      BIGINT      NOT NULL,"
                    + " content   " + (postgres ? "BYTEA" : "BINARY LARGE OBJECT") + " NOT NULL,"
                    + " stored_at VARCHAR(40) NOT NULL)");
            s.execute("CREATE TABLE evidence ("
                    + " generation      INTEGER       NOT NULL,"
                    + " evidence_id     VARCHAR(64)   NOT NULL,"
                    + " campaign_id     VARCHAR(64)   NOT NULL,"
                    + " unit_code       VARCHAR(40)   NOT NULL,"
                    + " period_code     VARCHAR(40)   NOT NULL,"
                    + " indicator_code  VARCHAR(40),"
                    + " sha256          CHAR(64)      NOT NULL,"
                    + " file_name       VARCHAR(1000) NOT NULL,"
                    + " media_type      VARCHAR(200)  NOT NULL,"
                    + " size            BIGINT        NOT NULL,"
                    + " note            VARCHAR(4000),"
                    + " uploaded_by     VARCHAR(200),"
                    + " uploaded_at     VARCHAR(40)   NOT NULL,"
                    + " position        BIGINT        NOT NULL,"
                    + " withdrawn       BOOLEAN       NOT NULL,"
                    + " withdrawn_reason VARCHAR(4000),"
                    + " withdrawn_by    VARCHAR(200),"
                    + " withdrawn_at    VARCHAR(40),"
                    + " PRIMARY KEY (generation, evidence_id))");
            s.execute("CREATE INDEX evidence_report ON evidence (generation, campaign_id, unit_code, period_code)");
            s.execute("INSERT INTO projection_state (name, active_generation, status) VALUES ('evidence', 0, 'LIVE')");
        }
    }
}
