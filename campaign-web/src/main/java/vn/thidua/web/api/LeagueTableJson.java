package vn.thidua.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import vn.thidua.query.league.StoredLeagueTable;


/**
 * The JSON of each campaign's current league table, kept per stamp of the stored write: serializing a table of
 * 64 rows was most of a league-table GET's CPU, and equal stamps mean the same table. Written by the application's
 * own {@link ObjectMapper}, the one the JSON message converter uses, so the bytes are those it would write.
 * Bounded: the least recently served campaigns are forgotten first.
 */
@Component
public class LeagueTableJson {
    static final int SIZE = 500;

    private final ObjectMapper json;
    private final Cache<String, Rendered> rendered = Caffeine.newBuilder().maximumSize(SIZE).build();

    private record Rendered(StoredLeagueTable.Stamp stamp, byte[] body) {
    }

    public LeagueTableJson(ObjectMapper json) {
        this.json = json;
    }

    /** The table's JSON; the caller must not change the array. */
    public byte[] of(StoredLeagueTable stored) {
        String campaignId = stored.table().campaignId();
        Rendered known = rendered.getIfPresent(campaignId);
        if (known != null && known.stamp().equals(stored.stamp())) {
            return known.body();
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(stored.table());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        rendered.put(campaignId, new Rendered(stored.stamp(), body));
        return body;
    }
}
