package vn.thidua.web.security;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import vn.thidua.domain.shared.Role;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Users in the database, with BCrypt password hashes. */
@Component
public class UserStore implements UserDetailsService {
    private static final RowMapper<AppUser> ROW = (rs, i) -> new AppUser(rs.getString("username"),
            rs.getString("password_hash"), rs.getString("display_name"), parseRoles(rs.getString("roles")),
            rs.getString("unit_code"), rs.getBoolean("enabled"));

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;

    public UserStore(JdbcTemplate jdbc, PasswordEncoder encoder, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    public AppUser loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException(username));
    }

    public Optional<AppUser> find(String username) {
        return jdbc.query("SELECT * FROM app_user WHERE username = ?", ROW, username).stream().findFirst();
    }

    public List<AppUser> all() {
        return jdbc.query("SELECT * FROM app_user ORDER BY username", ROW);
    }

    public boolean exists(String username) {
        return find(username).isPresent();
    }

    public void create(String username, String password, String displayName, Set<Role> roles, String unitCode) {
        jdbc.update("INSERT INTO app_user (username, password_hash, display_name, roles, unit_code, enabled, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, TRUE, ?)", username, encoder.encode(password), displayName,
                formatRoles(roles), unitCode, Timestamp.from(clock.instant()));
    }

    /** Creates the user, or resets its password, roles and unit: start-up uses it for the first operator. */
    public void createOrReset(String username, String password, String displayName, Set<Role> roles, String unitCode) {
        String hash = encoder.encode(password);
        if (reset(username, hash, displayName, roles, unitCode) > 0) {
            return;
        }
        try {
            jdbc.update("INSERT INTO app_user (username, password_hash, display_name, roles, unit_code, enabled,"
                            + " created_at) VALUES (?, ?, ?, ?, ?, TRUE, ?)", username, hash, displayName,
                    formatRoles(roles), unitCode, Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException another) {
            // Another node starting at the same moment created it first: reset that row instead.
            reset(username, hash, displayName, roles, unitCode);
        }
    }

    private int reset(String username, String hash, String displayName, Set<Role> roles, String unitCode) {
        return jdbc.update("UPDATE app_user SET password_hash = ?, display_name = ?, roles = ?, unit_code = ?,"
                + " enabled = TRUE WHERE username = ?", hash, displayName, formatRoles(roles), unitCode, username);
    }

    private static String formatRoles(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<Role> parseRoles(String csv) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }
}
