package vn.thidua.web.testsupport;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

/** Every row of every read model in its serving generation, without the generation: to compare builds. */
public final class ReadModels {
    private ReadModels() {
    }

    public static Map<String, List<Map<String, Object>>> snapshot(JdbcTemplate jdbc) {
        return Map.of(
                "league", jdbc.queryForList("SELECT r.campaign_id, r.unit_code, r.rules_version, r.position, r.rank,"
                        + " r.unit_name, r.total, r.penalties, r.provisional, r.contents, r.indicators"
                        + " FROM league_table_row r JOIN projection_state s ON s.name = 'league-table'"
                        + " AND r.generation = s.active_generation ORDER BY r.campaign_id, r.position"),
                "targets", jdbc.queryForList("SELECT t.campaign_id, t.unit_code, t.indicator_code, t.target"
                        + " FROM progress_target t JOIN projection_state s ON s.name = 'unit-progress'"
                        + " AND t.generation = s.active_generation ORDER BY 1, 2, 3"),
                "values", jdbc.queryForList("SELECT v.campaign_id, v.unit_code, v.indicator_code, v.period_code,"
                        + " v.reported, v.verified, v.status, v.late, v.at, v.position FROM progress_value v"
                        + " JOIN projection_state s ON s.name = 'unit-progress' AND v.generation = s.active_generation"
                        + " ORDER BY 1, 2, 3, 4"),
                "audit", jdbc.queryForList("SELECT a.position, a.at, a.type, a.aggregate_id, a.sequence, a.campaign_id,"
                        + " a.unit_code, a.period_code, a.actor_user, a.actor_unit, a.actor_role, a.correlation_id,"
                        + " a.payload, a.changes FROM audit_entry a JOIN projection_state s ON s.name = 'audit'"
                        + " AND a.generation = s.active_generation ORDER BY a.position"));
    }
}
