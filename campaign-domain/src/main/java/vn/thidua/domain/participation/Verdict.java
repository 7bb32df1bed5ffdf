package vn.thidua.domain.participation;

public enum Verdict {
    VERIFIED, REJECTED
}
