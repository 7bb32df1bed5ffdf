package vn.thidua.domain.ballot;

/** A voter's choice on one candidate (tán thành, không tán thành, không biểu quyết). */
public enum Choice {
    FOR, AGAINST, ABSTAIN
}
