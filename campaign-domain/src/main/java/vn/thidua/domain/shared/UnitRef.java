package vn.thidua.domain.shared;

/** A member unit of a cluster: a district, or since the 2025 reform a commune or ward. */
public record UnitRef(String code, String name, String kind) {
}
