package vn.thidua.query.progress;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The progress_target and progress_value tables, written by key so that applying an event twice changes nothing. */
@Component
public class ProgressStore {
    private final JdbcTemplate jdbc;

    public ProgressStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record TargetRow(String indicator, BigDecimal target) {
    }

    record ValueRow(String indicator, String period, BigDecimal reported, BigDecimal verified, String status,
                    boolean late, String at, String verifiedBy, String reason) {
    }

    void replaceTargets(int generation, String campaignId, String unitCode, Map<String, BigDecimal> targets) {
        jdbc.update("DELETE FROM progress_target WHERE generation = ? AND campaign_id = ? AND unit_code = ?",
                generation, campaignId, unitCode);
        List<Object[]> rows = new ArrayList<>();
        targets.forEach((code, target) -> rows.add(new Object[]{generation, campaignId, unitCode, code, target}));
        jdbc.batchUpdate("INSERT INTO progress_target (generation, campaign_id, unit_code, indicator_code, target)"
                + " VALUES (?, ?, ?, ?, ?)", rows);
    }

    /**
     * A period's report replaced by new values; lateness is that of the first submission, kept if known. Rows
     * already there are updated in place (a correction usually rewrites the same indicators, and an update that
     * touches no indexed column is far cheaper for the database than a delete and an insert).
     */
    void replaceReport(int generation, String campaignId, String unitCode, String period, Map<String, BigDecimal> values,
                       boolean late, String at, long position) {
        Map<String, Boolean> known = new HashMap<>();
        jdbc.query("SELECT indicator_code, late FROM progress_value WHERE generation = ? AND campaign_id = ?"
                        + " AND unit_code = ? AND period_code = ?",
                rs -> {
                    known.put(rs.getString(1), rs.getBoolean(2));
                }, generation, campaignId, unitCode, period);
        boolean firstLate = known.isEmpty() ? late : known.values().iterator().next();
        Map<String, BigDecimal> updates = new LinkedHashMap<>();
        List<Object[]> inserts = new ArrayList<>();
        values.forEach((code, value) -> {
            if (known.containsKey(code)) {
                updates.put(code, value);
            } else {
                inserts.add(new Object[]{generation, campaignId, unitCode, code, period, value, "SUBMITTED",
                        firstLate, at, position});
            }
        });
        if (!updates.isEmpty()) {
            setByIndicator("reported", updates,
                    ", verified = NULL, verified_by = NULL, reason = NULL, status = 'SUBMITTED', late = ?, at = ?,"
                            + " position = ?",
                    Arrays.asList(firstLate, at, position), generation, campaignId, unitCode, period);
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO progress_value (generation, campaign_id, unit_code, indicator_code,"
                    + " period_code, reported, verified, status, late, at, position)"
                    + " VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)", inserts);
        }
        for (String dropped : known.keySet()) {
            if (!values.containsKey(dropped)) {
                jdbc.update("DELETE FROM progress_value WHERE generation = ? AND campaign_id = ? AND unit_code = ?"
                        + " AND indicator_code = ? AND period_code = ?", generation, campaignId, unitCode, dropped,
                        period);
            }
        }
    }

    void verify(int generation, String campaignId, String unitCode, String period, Map<String, BigDecimal> counted,
                String verifiedBy, Map<String, String> reasons) {
        if (!counted.isEmpty()) {
            setByIndicator("verified", counted, ", status = 'VERIFIED', verified_by = ?, reason = NULL",
                    java.util.Collections.singletonList(verifiedBy), generation, campaignId, unitCode, period);
        }
        reasons.forEach((code, reason) -> jdbc.update("UPDATE progress_value SET reason = ? WHERE generation = ?"
                + " AND campaign_id = ? AND unit_code = ? AND period_code = ? AND indicator_code = ?", reason,
                generation, campaignId, unitCode, period, code));
    }

    /**
     * Sets {@code column} of each indicator's row in one period to that indicator's value, and the other
     * assignments given, in one statement (a CASE on the indicator code): one statement and one round trip per
     * event instead of one per indicator.
     */
    private void setByIndicator(String column, Map<String, BigDecimal> values, String otherAssignments,
                                List<Object> otherArguments, int generation, String campaignId, String unitCode,
                                String period) {
        List<Object> args = new ArrayList<>();
        values.forEach((code, value) -> {
            args.add(code);
            args.add(value);
        });
        args.addAll(otherArguments);
        args.addAll(Arrays.asList(generation, campaignId, unitCode, period));
        args.addAll(values.keySet());
        jdbc.update("UPDATE progress_value SET " + column + " = CASE indicator_code"
                + " WHEN ? THEN ?".repeat(values.size()) + " END" + otherAssignments
                + " WHERE generation = ? AND campaign_id = ? AND unit_code = ? AND period_code = ? AND indicator_code IN ("
                + String.join(", ", Collections.nCopies(values.size(), "?")) + ")", args.toArray());
    }

    void reject(int generation, String campaignId, String unitCode, String period) {
        jdbc.update("UPDATE progress_value SET verified = NULL, verified_by = NULL, reason = NULL,"
                + " status = 'REJECTED' WHERE generation = ?"
                + " AND campaign_id = ? AND unit_code = ? AND period_code = ?", generation, campaignId, unitCode, period);
    }

    List<TargetRow> targets(int generation, String campaignId, String unitCode) {
        return jdbc.query("SELECT indicator_code, target FROM progress_target WHERE generation = ? AND campaign_id = ?"
                        + " AND unit_code = ?", (rs, i) -> new TargetRow(rs.getString(1), rs.getBigDecimal(2)),
                generation, campaignId, unitCode);
    }

    List<ValueRow> values(int generation, String campaignId, String unitCode) {
        return jdbc.query("SELECT indicator_code, period_code, reported, verified, status, late, at, verified_by,"
                        + " reason FROM progress_value WHERE generation = ? AND campaign_id = ? AND unit_code = ?",
                (rs, i) -> new ValueRow(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getString(5), rs.getBoolean(6), rs.getString(7), rs.getString(8), rs.getString(9)),
                generation, campaignId, unitCode);
    }

    void clear(int generation) {
        jdbc.update("DELETE FROM progress_target WHERE generation = ?", generation);
        jdbc.update("DELETE FROM progress_value WHERE generation = ?", generation);
    }
}
