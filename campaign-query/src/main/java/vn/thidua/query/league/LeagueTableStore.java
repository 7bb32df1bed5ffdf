package vn.thidua.query.league;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.thidua.domain.scoring.LeagueRow;
import vn.thidua.domain.scoring.LeagueTable;
import vn.thidua.eventstore.EventJson;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The league_table_row and league_table_campaign tables: one computed table per campaign and generation. */
@Component
public class LeagueTableStore {
    private static final TypeReference<LinkedHashMap<String, BigDecimal>> POINTS = new TypeReference<>() { };
    private final JdbcTemplate jdbc;
    private final ObjectMapper json = EventJson.mapper();

    public LeagueTableStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the campaign's table in one generation; writing the same table twice gives the same rows. */
    public void write(int generation, LeagueTable table, long lastPosition, long eventsApplied, Instant computedAt) {
        jdbc.update("DELETE FROM league_table_row WHERE generation = ? AND campaign_id = ?", generation,
                table.campaignId());
        jdbc.update("DELETE FROM league_table_campaign WHERE generation = ? AND campaign_id = ?", generation,
                table.campaignId());
        List<Object[]> rows = new ArrayList<>();
        int order = 0;
        for (LeagueRow r : table.rows()) {
            rows.add(new Object[]{generation, table.campaignId(), r.unitCode(), table.rulesVersion(), order++, r.rank(),
                    r.unitName(), r.total(), r.penalties(), r.provisional(), text(r.contents()), text(r.indicators()),
                    r.counted()});
        }
        jdbc.batchUpdate("INSERT INTO league_table_row (generation, campaign_id, unit_code, rules_version, position,"
                + " rank, unit_name, total, penalties, provisional, contents, indicators, counted)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        jdbc.update("INSERT INTO league_table_campaign (generation, campaign_id, rules_version, last_position,"
                        + " events_applied, computed_at) VALUES (?, ?, ?, ?, ?, ?)", generation, table.campaignId(),
                table.rulesVersion(), lastPosition, eventsApplied, computedAt.toString());
    }

    /** How many of the campaign's events its stored table was computed from; empty if none is stored or unknown. */
    public OptionalLong eventsApplied(int generation, String campaignId) {
        List<Long> counts = jdbc.query("SELECT events_applied FROM league_table_campaign"
                + " WHERE generation = ? AND campaign_id = ?", (rs, i) -> (Long) rs.getObject(1, Long.class),
                generation, campaignId);
        return counts.isEmpty() || counts.get(0) == null ? OptionalLong.empty() : OptionalLong.of(counts.get(0));
    }

    public Optional<LeagueTable> read(int generation, String campaignId) {
        List<Object[]> meta = jdbc.query("SELECT rules_version, computed_at FROM league_table_campaign"
                        + " WHERE generation = ? AND campaign_id = ?",
                (rs, i) -> new Object[]{rs.getInt(1), rs.getString(2)}, generation, campaignId);
        if (meta.isEmpty()) {
            return Optional.empty();
        }
        List<LeagueRow> rows = jdbc.query("SELECT * FROM league_table_row WHERE generation = ? AND campaign_id = ?"
                + " ORDER BY position", (rs, i) -> row(rs), generation, campaignId);
        return Optional.of(new LeagueTable(campaignId, (Integer) meta.get(0)[0], Instant.parse((String) meta.get(0)[1]),
                rows));
    }

    /**
     * The stamp of the campaign's table in the serving generation: one indexed lookup (the projection's state row
     * joined with the campaign's row on the active generation). Empty while the projection has stored no table for
     * the campaign.
     */
    Optional<StoredLeagueTable.Stamp> servingStamp(String campaignId) {
        List<StoredLeagueTable.Stamp> stamps = jdbc.query("SELECT p.active_generation, c.last_position,"
                        + " c.computed_at FROM projection_state p JOIN league_table_campaign c"
                        + " ON c.generation = p.active_generation AND c.campaign_id = ? WHERE p.name = ?",
                (rs, i) -> new StoredLeagueTable.Stamp(rs.getInt(1), rs.getLong(2), rs.getString(3)), campaignId,
                LeagueTableProjection.NAME);
        return stamps.stream().findFirst();
    }

    /**
     * The campaign's table in the serving generation with the stamp of the write it comes from, read in one
     * statement, so from one snapshot: a write replaces the campaign row and its rows in one transaction, so the
     * rows answered are always those of the stamp answered, even while a write or a generation switch commits.
     */
    Optional<StoredLeagueTable> readServing(String campaignId) {
        StoredLeagueTable.Stamp[] stamp = {null};
        int[] rulesVersion = {0};
        List<LeagueRow> rows = new ArrayList<>();
        jdbc.query("SELECT p.active_generation, c.last_position, c.computed_at, c.rules_version, r.unit_code, r.rank,"
                + " r.unit_name, r.total, r.provisional, r.contents, r.indicators, r.penalties, r.counted"
                + " FROM projection_state p JOIN league_table_campaign c"
                + " ON c.generation = p.active_generation AND c.campaign_id = ?"
                + " LEFT JOIN league_table_row r ON r.generation = c.generation AND r.campaign_id = c.campaign_id"
                + " WHERE p.name = ? ORDER BY r.position", rs -> {
            if (stamp[0] == null) {
                stamp[0] = new StoredLeagueTable.Stamp(rs.getInt(1), rs.getLong(2), rs.getString(3));
                rulesVersion[0] = rs.getInt(4);
            }
            if (rs.getString("unit_code") != null) {
                rows.add(row(rs));
            }
        }, campaignId, LeagueTableProjection.NAME);
        if (stamp[0] == null) {
            return Optional.empty();
        }
        return Optional.of(new StoredLeagueTable(stamp[0], new LeagueTable(campaignId, rulesVersion[0],
                Instant.parse(stamp[0].computedAt()), rows)));
    }

    private LeagueRow row(ResultSet rs) throws SQLException {
        return new LeagueRow(rs.getInt("rank"), rs.getString("unit_code"), rs.getString("unit_name"),
                rs.getBigDecimal("total"), rs.getBoolean("provisional"), points(rs.getString("contents")),
                points(rs.getString("indicators")), rs.getBigDecimal("penalties"),
                // NULL: stored before V13, when every row counted as ranked.
                rs.getObject("counted") == null || rs.getBoolean("counted"));
    }

    public void clear(int generation) {
        jdbc.update("DELETE FROM league_table_row WHERE generation = ?", generation);
        jdbc.update("DELETE FROM league_table_campaign WHERE generation = ?", generation);
    }

    private String text(Map<String, BigDecimal> points) {
        try {
            return json.writeValueAsString(points);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, BigDecimal> points(String text) {
        try {
            return json.readValue(text, POINTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
