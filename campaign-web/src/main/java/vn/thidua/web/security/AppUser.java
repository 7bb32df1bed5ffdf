package vn.thidua.web.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import vn.thidua.domain.shared.Role;

import java.util.Collection;
import java.util.Set;

/** A person who signs in: their roles and, for a cluster head or unit officer, the unit they act for. */
public record AppUser(String username, String passwordHash, String displayName, Set<Role> roles, String unitCode,
                      boolean enabled) implements UserDetails {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean actsFor(String unit) {
        return unitCode != null && unitCode.equals(unit);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
