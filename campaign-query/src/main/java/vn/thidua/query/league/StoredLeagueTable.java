package vn.thidua.query.league;

import vn.thidua.domain.scoring.LeagueTable;

import java.util.Objects;
import java.util.function.Function;

/**
 * A campaign's league table as the projection stored it in the serving generation, and the stamp of that write.
 * The league-table cache hands out one instance per stamp, so what is derived from the write, its JSON
 * ({@link #json}), is computed once per instance and kept with it, not in a cache of its own.
 */
public final class StoredLeagueTable {
    private final Stamp stamp;
    private final LeagueTable table;
    private volatile byte[] json;

    public StoredLeagueTable(Stamp stamp, LeagueTable table) {
        this.stamp = Objects.requireNonNull(stamp);
        this.table = Objects.requireNonNull(table);
    }

    public Stamp stamp() {
        return stamp;
    }

    public LeagueTable table() {
        return table;
    }

    /**
     * The table's JSON as {@code writer} writes it, written on the first call and then kept with this write (the
     * caller must not change the array). Every caller passes the same writer: the application's JSON mapper.
     */
    public byte[] json(Function<? super LeagueTable, byte[]> writer) {
        byte[] body = json;
        if (body == null) {
            body = writer.apply(table);
            json = body;
        }
        return body;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredLeagueTable other && stamp.equals(other.stamp) && table.equals(other.table);
    }

    @Override
    public int hashCode() {
        return Objects.hash(stamp, table);
    }

    @Override
    public String toString() {
        return "StoredLeagueTable[stamp=" + stamp + ", table=" + table + "]";
    }

    /**
     * Identifies one write of one campaign's table: the serving generation, the last event position the write had
     * read, and the instant it was computed at (as stored, microseconds or finer). Live writes of one campaign's
     * table are made one at a time (all its events go to one segment, and the projection holds the campaign's lock)
     * and each takes a new instant, so two different writes do not share a stamp; a generation switch changes the
     * generation.
     */
    public record Stamp(int generation, long lastPosition, String computedAt) {

        /** The version of the league table's JSON; raise it when LeagueTable or LeagueRow change what they write. */
        static final int REPRESENTATION = 1;

        /**
         * A weak entity tag for HTTP: equal stamps give the same table, so the same JSON (weak, because a proxy
         * may still compress it). {@link #REPRESENTATION} changes whenever the JSON of a table changes shape, so a
         * client holding a tag from an older release does not get a 304 for a body it cannot have.
         */
        public String etag() {
            StringBuilder tag = new StringBuilder(48).append("W/\"lt").append(REPRESENTATION).append('-')
                    .append(generation).append('-')
                    .append(lastPosition).append('-');
            for (int i = 0; i < computedAt.length(); i++) {
                char c = computedAt.charAt(i);
                if (c > ' ' && c < 0x7f && c != '"') {
                    tag.append(c);
                }
            }
            return tag.append('"').toString();
        }
    }
}
