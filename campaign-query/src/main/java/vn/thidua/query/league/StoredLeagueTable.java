package vn.thidua.query.league;

import vn.thidua.domain.scoring.LeagueTable;

/** A campaign's league table as the projection stored it in the serving generation, and the stamp of that write. */
public record StoredLeagueTable(Stamp stamp, LeagueTable table) {

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
