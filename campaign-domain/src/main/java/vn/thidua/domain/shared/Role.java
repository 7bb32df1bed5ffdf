package vn.thidua.domain.shared;

/** Who may do what (DESIGN.md, "Who uses it"). */
public enum Role {
    CLUSTER_HEAD, UNIT_OFFICER, BOARD, AUDITOR, OPERATOR;

    public boolean boundToUnit() {
        return this == CLUSTER_HEAD || this == UNIT_OFFICER;
    }
}
