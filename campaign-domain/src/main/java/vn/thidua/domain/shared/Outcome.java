package vn.thidua.domain.shared;

/** What a submission did to its stream: a first record, a change (revision, correction), or nothing at all. */
public enum Outcome {
    CREATED, CHANGED, UNCHANGED
}
