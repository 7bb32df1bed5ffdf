package vn.thidua.domain.ballot;

import vn.thidua.domain.commendation.Award;

/** A unit put to the vote for an award; {@link #key()} names it in a ballot's choices ("U1:PROVINCIAL_FLAG"). */
public record Candidate(String unitCode, Award award) {

    public String key() {
        return unitCode + ":" + award;
    }
}
