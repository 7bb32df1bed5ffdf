package vn.thidua.web.seed;

import vn.thidua.domain.shared.Role;

/** A demo account; the runner creates it with a generated password. {@code unitCode} is null for unbound roles. */
public record DemoUser(String username, String displayName, Role role, String unitCode) {
}
