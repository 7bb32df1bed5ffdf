package vn.thidua.domain.commendation;

/** The cluster's secret ballot on a proposal: votes in favour, against, and ballots cast. */
public record Ballot(int inFavour, int against, int cast) {

    /** More than half of the ballots cast are in favour. */
    public boolean majority() {
        return 2L * inFavour > cast;
    }
}
