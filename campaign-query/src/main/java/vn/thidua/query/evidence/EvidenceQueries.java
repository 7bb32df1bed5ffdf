package vn.thidua.query.evidence;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import vn.thidua.query.projection.ProjectionStates;

import java.util.List;
import java.util.Optional;

/** Reads the evidence read model's serving generation: one file, a report's files, a unit's files in a campaign. */
@Component
public class EvidenceQueries {
    private static final String COLUMNS = "evidence_id, campaign_id, unit_code, period_code, indicator_code, sha256,"
            + " file_name, media_type, size, note, uploaded_by, uploaded_at, withdrawn, withdrawn_reason,"
            + " withdrawn_by, withdrawn_at";
    private static final RowMapper<EvidenceRow> ROW = (rs, i) -> new EvidenceRow(rs.getString("evidence_id"),
            rs.getString("campaign_id"), rs.getString("unit_code"), rs.getString("period_code"),
            rs.getString("indicator_code"), rs.getString("sha256").trim(), rs.getString("file_name"),
            rs.getString("media_type"), rs.getLong("size"), rs.getString("note"), rs.getString("uploaded_by"),
            rs.getString("uploaded_at"), rs.getBoolean("withdrawn"), rs.getString("withdrawn_reason"),
            rs.getString("withdrawn_by"), rs.getString("withdrawn_at"));

    private final JdbcTemplate jdbc;
    private final ProjectionStates states;

    public EvidenceQueries(JdbcTemplate jdbc, ProjectionStates states) {
        this.jdbc = jdbc;
        this.states = states;
    }

    public Optional<EvidenceRow> byId(String evidenceId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM evidence WHERE generation = ? AND evidence_id = ?", ROW,
                generation(), evidenceId).stream().findFirst();
    }

    /** A report's files, in the order they were attached. */
    public List<EvidenceRow> forReport(String campaignId, String unitCode, String periodCode) {
        return jdbc.query("SELECT " + COLUMNS + " FROM evidence WHERE generation = ? AND campaign_id = ?"
                + " AND unit_code = ? AND period_code = ? ORDER BY position", ROW, generation(), campaignId, unitCode,
                periodCode);
    }

    /** A unit's files in a campaign, by period, in the order they were attached. */
    public List<EvidenceRow> forUnit(String campaignId, String unitCode) {
        return jdbc.query("SELECT " + COLUMNS + " FROM evidence WHERE generation = ? AND campaign_id = ?"
                + " AND unit_code = ? ORDER BY period_code, position", ROW, generation(), campaignId, unitCode);
    }

    /** Every file of a campaign (the verification page and the export group them per report). */
    public List<EvidenceRow> forCampaign(String campaignId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM evidence WHERE generation = ? AND campaign_id = ?"
                + " ORDER BY unit_code, period_code, position", ROW, generation(), campaignId);
    }

    private int generation() {
        return states.activeGeneration(EvidenceProjection.NAME);
    }
}
