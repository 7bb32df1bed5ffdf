package vn.thidua.query.audit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.core.io.ClassPathResource;
import vn.thidua.domain.cluster.ClusterRegistered;
import vn.thidua.domain.commendation.Award;
import vn.thidua.domain.commendation.Ballot;
import vn.thidua.domain.commendation.CommendationApproved;
import vn.thidua.domain.commendation.CommendationProposed;
import vn.thidua.domain.participation.PledgeRevised;
import vn.thidua.domain.participation.PledgeSubmitted;
import vn.thidua.domain.participation.ReportCorrected;
import vn.thidua.domain.participation.ReportRejected;
import vn.thidua.domain.participation.ReportSubmitted;
import vn.thidua.domain.participation.ReportVerified;
import vn.thidua.domain.shared.InvalidValue;
import vn.thidua.domain.shared.UnitRef;
import vn.thidua.query.projection.ProjectionStates;
import vn.thidua.query.projection.RebuildableProjection;
import vn.thidua.eventstore.EventTable;
import vn.thidua.eventstore.StoredEvent;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditProjectionTest {
    private static final String CAMPAIGN = "c-2025";
    private static final String UNIT = "U1";
    private static final String STREAM = "participation:c-2025:U1";
    private static final Instant T0 = Instant.parse("2025-03-01T01:00:00.123456Z");

    private JdbcTemplate jdbc;
    private AuditProjection projection;
    private AuditQueries queries;
    private final List<StoredEvent> history = history();

    @BeforeEach
    void database() throws Exception {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        ClassPathResource ddl = new ClassPathResource("db/migration/V3__read_models.sql");
        assertThat(ddl.exists()).as("read-model DDL at classpath:" + ddl.getPath()).isTrue();
        try (Connection connection = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(connection, ddl);
        }
        jdbc = new JdbcTemplate(dataSource);
        ProjectionStates states = new ProjectionStates(jdbc, Clock.systemUTC());
        projection = new AuditProjection(jdbc, states, new EventTable(jdbc, new DataSourceTransactionManager(dataSource)));
        queries = new AuditQueries(jdbc, states, new DataSourceTransactionManager(dataSource));
    }

    // --- the event history -------------------------------------------------------------------------------------

    private static List<StoredEvent> history() {
        List<StoredEvent> events = new ArrayList<>();
        events.add(event(1, "cluster:CL2", 0, new ClusterRegistered("CL2", "Cụm II",
                List.of(new UnitRef(UNIT, "Xã Một", "COMMUNE")), UNIT), "ops", null, "OPERATOR"));
        events.add(event(2, STREAM, 0, new PledgeSubmitted("p1", CAMPAIGN, UNIT,
                map("REV", "110", "OK", "1", "X", "3")), "officer", UNIT, "UNIT_OFFICER"));
        events.add(event(3, STREAM, 1, new PledgeRevised("p1", CAMPAIGN, UNIT,
                map("REV", "120", "OK", "1.00", "Y", "7"), map("REV", "110", "OK", "1", "X", "3")),
                "officer", UNIT, "UNIT_OFFICER"));
        events.add(event(4, STREAM, 2, new ReportSubmitted("p1", CAMPAIGN, UNIT, "Q1",
                map("REV", "115", "OK", "1"), false), "officer", UNIT, "UNIT_OFFICER"));
        events.add(event(5, STREAM, 3, new ReportSubmitted("p1", CAMPAIGN, UNIT, "Q2",
                map("REV", "50"), true), "officer", UNIT, "UNIT_OFFICER"));
        events.add(event(6, STREAM, 4, new ReportCorrected("p1", CAMPAIGN, UNIT, "Q1",
                map("REV", "116.5", "OK", "1"), map("REV", "115", "OK", "1"), "sửa số liệu", false),
                "officer", UNIT, "UNIT_OFFICER"));
        events.add(event(7, STREAM, 5, new ReportVerified("p1", CAMPAIGN, UNIT, "Q1",
                map("REV", "116", "OK", "1"), map("REV", "116"), "kiểm tra chéo"), "head", "H1", "CLUSTER_HEAD"));
        events.add(event(8, STREAM, 6, new ReportRejected("p1", CAMPAIGN, UNIT, "Q2", "thiếu minh chứng"),
                "board", null, "BOARD"));
        events.add(event(9, STREAM, 7, new ReportCorrected("p1", CAMPAIGN, UNIT, "Q2",
                map("REV", "50"), map("REV", "50"), "bổ sung minh chứng", true), "officer", UNIT, "UNIT_OFFICER"));
        events.add(event(10, "commendation:k1", 0, new CommendationProposed("k1", CAMPAIGN, UNIT,
                Award.PROVINCIAL_FLAG, "dẫn đầu", new Ballot(9, 0, 9), null), "head", "H1", "CLUSTER_HEAD"));
        events.add(event(11, "commendation:k1", 1, new CommendationApproved("k1", CAMPAIGN, UNIT, "đồng ý"),
                "board", null, "BOARD"));
        return events;
    }

    private static StoredEvent event(long position, String stream, long sequence, Object payload, String user,
                                     String unit, String role) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("actorUser", user);
        if (unit != null) {
            metadata.put("actorUnit", unit);
        }
        metadata.put("actorRole", role);
        metadata.put("correlationId", "corr-" + position);
        return new StoredEvent(position, T0.plusSeconds(60 * position), stream, sequence,
                payload.getClass().getName(), payload, metadata);
    }

    private static Map<String, BigDecimal> map(String... pairs) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], new BigDecimal(pairs[i + 1]));
        }
        return values;
    }

    private void applyLive(int generation) {
        history.forEach(e -> projection.apply(e, generation));
    }

    private List<Map<String, Object>> rows(int generation) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT * FROM audit_entry WHERE generation = ? ORDER BY position", generation);
        rows.forEach(r -> r.remove("generation"));
        return rows;
    }

    private Map<String, Object> row(int generation, long position) {
        return jdbc.queryForMap("SELECT * FROM audit_entry WHERE generation = ? AND position = ?", generation,
                position);
    }

    // --- the live path -----------------------------------------------------------------------------------------

    @Test
    void everyEventIsOneRowWithWhoWhenAndKeys() {
        applyLive(0);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class)).isEqualTo(11);
        Map<String, Object> revised = row(0, 3);
        assertThat(revised.get("type")).isEqualTo("PledgeRevised");
        assertThat(revised.get("at")).isEqualTo("2025-03-01T01:03:00.123456Z");
        assertThat(revised.get("at_millis")).isEqualTo(T0.plusSeconds(180).toEpochMilli());
        assertThat(revised.get("aggregate_id")).isEqualTo(STREAM);
        assertThat(revised.get("sequence")).isEqualTo(1L);
        assertThat(revised.get("campaign_id")).isEqualTo(CAMPAIGN);
        assertThat(revised.get("unit_code")).isEqualTo(UNIT);
        assertThat(revised.get("period_code")).isNull();
        assertThat(revised.get("actor_user")).isEqualTo("officer");
        assertThat(revised.get("actor_unit")).isEqualTo(UNIT);
        assertThat(revised.get("actor_role")).isEqualTo("UNIT_OFFICER");
        assertThat(revised.get("correlation_id")).isEqualTo("corr-3");
        assertThat(revised.get("payload")).isEqualTo("{\"participationId\":\"p1\",\"campaignId\":\"c-2025\","
                + "\"unitCode\":\"U1\",\"targets\":{\"REV\":120,\"OK\":1.00,\"Y\":7},"
                + "\"previousTargets\":{\"REV\":110,\"OK\":1,\"X\":3}}");

        Map<String, Object> cluster = row(0, 1);
        assertThat(cluster.get("type")).isEqualTo("ClusterRegistered");
        assertThat(cluster.get("campaign_id")).isNull();
        assertThat(cluster.get("unit_code")).isNull();
        assertThat(cluster.get("actor_unit")).isNull();
        assertThat(cluster.get("changes")).isNull();

        Map<String, Object> verified = row(0, 7);
        assertThat(verified.get("period_code")).isEqualTo("Q1");
        assertThat(verified.get("actor_user")).isEqualTo("head");
        assertThat(verified.get("actor_role")).isEqualTo("CLUSTER_HEAD");
        Map<String, Object> commendation = row(0, 11);
        assertThat(commendation.get("campaign_id")).isEqualTo(CAMPAIGN);
        assertThat(commendation.get("unit_code")).isEqualTo(UNIT);
    }

    @Test
    void changesAgainstThePreviousVersionOfTheSameSubmission() {
        applyLive(0);

        List<Map.Entry<Long, String>> changes = jdbc.query(
                "SELECT position, changes FROM audit_entry WHERE generation = 0 ORDER BY position",
                (rs, i) -> Map.entry(rs.getLong(1), String.valueOf(rs.getString(2))));
        assertThat(changes).containsExactly(
                Map.entry(1L, nullText()), Map.entry(2L, nullText()),
                // OK 1 -> 1.00 is no change; X removed, Y added
                Map.entry(3L, "[{\"field\":\"REV\",\"from\":110,\"to\":120},{\"field\":\"X\",\"from\":3,\"to\":null},"
                        + "{\"field\":\"Y\",\"from\":null,\"to\":7}]"),
                Map.entry(4L, nullText()), Map.entry(5L, nullText()),
                Map.entry(6L, "[{\"field\":\"REV\",\"from\":115,\"to\":116.5}]"),
                // the fix against the corrected value of Q1, not the first report nor the Q2 report
                Map.entry(7L, "[{\"field\":\"REV\",\"from\":116.5,\"to\":116},"
                        + "{\"field\":\"status\",\"from\":\"SUBMITTED\",\"to\":\"VERIFIED\"}]"),
                Map.entry(8L, "[{\"field\":\"status\",\"from\":\"SUBMITTED\",\"to\":\"REJECTED\"}]"),
                Map.entry(9L, "[{\"field\":\"status\",\"from\":\"REJECTED\",\"to\":\"SUBMITTED\"}]"),
                Map.entry(10L, nullText()),
                Map.entry(11L, "[{\"field\":\"status\",\"from\":\"PROPOSED\",\"to\":\"APPROVED\"}]"));
    }

    private static String nullText() {
        return "null";
    }

    @Test
    void applyingAnEventTwiceLeavesOneRow() {
        applyLive(0);
        List<Map<String, Object>> once = rows(0);

        projection.apply(history.get(6), 0);
        projection.apply(history.get(6), 0);
        applyLive(0);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE position = 7", Long.class))
                .isEqualTo(1);
        assertThat(rows(0)).isEqualTo(once);
    }

    @Test
    void generationsAreSeparate() {
        applyLive(0);
        applyLive(3);
        assertThat(rows(3)).isEqualTo(rows(0));

        projection.clear(3);

        assertThat(rows(3)).isEmpty();
        assertThat(rows(0)).hasSize(11);
    }

    // --- the rebuild -------------------------------------------------------------------------------------------

    @Test
    void aRebuildWritesExactlyTheRowsOfTheLivePath() {
        applyLive(0);

        RebuildableProjection.Rebuild oneFlush = projection.rebuild(1);
        history.forEach(oneFlush::accept);
        assertThat(rows(1)).as("nothing is written before a flush").isEmpty();
        oneFlush.finish();

        RebuildableProjection.Rebuild flushEachEvent = projection.rebuild(2);
        history.forEach(e -> {
            flushEachEvent.accept(e);
            flushEachEvent.flush();
        });
        flushEachEvent.finish();

        assertThat(rows(1)).hasSize(11).isEqualTo(rows(0));
        assertThat(rows(2)).isEqualTo(rows(0));
    }

    @Test
    void aRebuildWritesInBatches() {
        RebuildableProjection.Rebuild rebuild = projection.rebuild(1);
        List<StoredEvent> many = new ArrayList<>();
        for (int i = 1; i <= 2 * AuditProjection.BATCH + 17; i++) {
            StoredEvent e = event(i, "participation:c:U" + i, 0, new PledgeSubmitted("p" + i, "c", "U" + i,
                    map("REV", String.valueOf(i))), "u", "U" + i, "UNIT_OFFICER");
            many.add(e);
            rebuild.accept(e);
        }
        rebuild.flush();
        rebuild.flush();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE generation = 1", Long.class))
                .isEqualTo(many.size());
    }

    // --- the reader --------------------------------------------------------------------------------------------

    @Test
    void pagesInStoredOrderWithFiltersAndTotal() {
        applyLive(0);

        AuditPage first = queries.page(AuditFilter.campaign(CAMPAIGN), 0, 4);
        assertThat(first.total()).isEqualTo(10);
        assertThat(first.page()).isZero();
        assertThat(first.size()).isEqualTo(4);
        assertThat(first.entries()).extracting(AuditEntry::position).containsExactly(2L, 3L, 4L, 5L);
        assertThat(queries.page(AuditFilter.campaign(CAMPAIGN), 2, 4).entries())
                .extracting(AuditEntry::position).containsExactly(10L, 11L);

        AuditEntry verified = queries.page(new AuditFilter(CAMPAIGN, UNIT, "ReportVerified", null, null), 0, 50)
                .entries().get(0);
        assertThat(verified.position()).isEqualTo(7);
        assertThat(verified.type()).isEqualTo("ReportVerified");
        assertThat(verified.aggregateId()).isEqualTo(STREAM);
        assertThat(verified.sequence()).isEqualTo(5);
        assertThat(verified.periodCode()).isEqualTo("Q1");
        assertThat(verified.actor()).isEqualTo(new AuditEntry.Actor("head", "H1", "CLUSTER_HEAD"));
        assertThat(verified.correlationId()).isEqualTo("corr-7");
        assertThat(verified.changes()).contains("\"from\":116.5");

        assertThat(queries.page(new AuditFilter(null, "nobody", null, null, null), 0, 50).total()).isZero();
        assertThat(queries.page(AuditFilter.all(), 0, 50).total()).isEqualTo(11);
        // from inclusive, to exclusive
        AuditPage window = queries.page(new AuditFilter(null, null, null, history.get(3).at(), history.get(5).at()),
                0, 50);
        assertThat(window.entries()).extracting(AuditEntry::position).containsExactly(4L, 5L);
    }

    @Test
    void readsTheServingGenerationOnly() {
        applyLive(0);
        projection.apply(history.get(0), 1);

        assertThat(queries.page(AuditFilter.all(), 0, 50).total()).isEqualTo(11);
        jdbc.update("UPDATE projection_state SET active_generation = 1 WHERE name = 'audit'");
        assertThat(queries.page(AuditFilter.all(), 0, 50).entries()).extracting(AuditEntry::position)
                .containsExactly(1L);
    }

    @Test
    void streamsEveryMatchingEntryInOrder() {
        applyLive(0);
        List<Long> positions = new ArrayList<>();
        queries.forEach(new AuditFilter(CAMPAIGN, UNIT, null, null, null), e -> positions.add(e.position()));
        assertThat(positions).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
    }

    @Test
    void refusesBadPaging() {
        assertThatThrownBy(() -> queries.page(AuditFilter.all(), 0, AuditQueries.MAX_SIZE + 1))
                .isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> queries.page(AuditFilter.all(), 0, 0)).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> queries.page(AuditFilter.all(), -1, 10)).isInstanceOf(InvalidValue.class);
    }
}
