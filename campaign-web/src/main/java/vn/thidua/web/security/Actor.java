package vn.thidua.web.security;

import vn.thidua.domain.shared.Role;

/** Who performs a command, in which role and for which unit: recorded in every event's metadata. */
public record Actor(String user, String unit, Role role) {
}
