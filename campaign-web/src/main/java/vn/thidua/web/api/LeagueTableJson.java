package vn.thidua.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import vn.thidua.domain.scoring.LeagueTable;
import vn.thidua.query.league.StoredLeagueTable;


/**
 * The JSON of each campaign's current league table, written once per stored write: serializing a table of 64 rows
 * was most of a league-table GET's CPU, and equal stamps mean the same table. The bytes are kept with the stored
 * table the league-table cache serves for its stamp ({@link StoredLeagueTable#json}), so they leave memory with it;
 * there is no second cache here. Written by the application's own {@link ObjectMapper}, the one the JSON message
 * converter uses, so the bytes are those it would write.
 */
@Component
public class LeagueTableJson {
    private final ObjectMapper json;

    public LeagueTableJson(ObjectMapper json) {
        this.json = json;
    }

    /** The table's JSON; the caller must not change the array. */
    public byte[] of(StoredLeagueTable stored) {
        return stored.json(this::write);
    }

    private byte[] write(LeagueTable table) {
        try {
            return json.writeValueAsBytes(table);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
