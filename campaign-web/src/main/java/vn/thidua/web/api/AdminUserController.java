package vn.thidua.web.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.command.support.ClusterDirectory;
import vn.thidua.domain.cluster.ClusterRegistered;
import vn.thidua.domain.shared.Codes;
import vn.thidua.domain.shared.InvalidValue;
import vn.thidua.domain.shared.Role;
import vn.thidua.domain.shared.RuleViolation;
import vn.thidua.domain.shared.Text;
import vn.thidua.eventstore.EventStreams;
import vn.thidua.web.security.AppUser;
import vn.thidua.web.security.PasswordPolicy;
import vn.thidua.web.security.Permissions;
import vn.thidua.web.security.UserStore;

import java.net.URI;
import java.util.List;
import java.util.Set;

/** Operators manage the people who sign in. Passwords are never shown back. */
@RestController
@RequestMapping("/api/v1/admin/users")
public class AdminUserController {
    public record UserView(String username, String displayName, Set<Role> roles, String unitCode, boolean enabled) {
        static UserView of(AppUser u) {
            return new UserView(u.username(), u.displayName(), u.roles(), u.unitCode(), u.enabled());
        }
    }

    /**
     * The new user. The password's only bean constraint is its presence: its length and content are
     * {@link PasswordPolicy}'s, whose Vietnamese reason is the field's message (NIST SP 800-63B).
     */
    public record NewUser(@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,50}", message = "3 to 50 letters, digits, . _ -")
                          String username,
                          @NotNull String password,
                          @NotBlank @Size(max = 200) String displayName,
                          @NotEmpty Set<@NotNull Role> roles,
                          @Pattern(regexp = Codes.PATTERN, message = "must match " + Codes.PATTERN) String unitCode) {
    }

    private final UserStore users;
    private final Permissions permissions;
    private final ClusterDirectory clusters;
    private final EventStreams streams;

    public AdminUserController(UserStore users, Permissions permissions, ClusterDirectory clusters,
                               EventStreams streams) {
        this.users = users;
        this.permissions = permissions;
        this.clusters = clusters;
        this.streams = streams;
    }

    @PostMapping
    public ResponseEntity<UserView> create(@AuthenticationPrincipal AppUser user, @Valid @RequestBody NewUser body) {
        permissions.operator(user);
        // The user's name is text like any other the product keeps: no control, bidi or zero-width characters (a
        // NUL is also refused by PostgreSQL). Users are not events, so the command interceptor does not see it.
        Text.checkLine("displayName", body.displayName());
        boolean bound = body.roles().stream().anyMatch(Role::boundToUnit);
        if (bound && body.unitCode() == null) {
            throw new InvalidValue("unitCode", "CLUSTER_HEAD and UNIT_OFFICER act for a unit: unitCode is required");
        }
        if (bound && !memberOfARegisteredCluster(body.unitCode())) {
            throw new InvalidValue("unitCode", "unit " + body.unitCode() + " is a member of no registered cluster:"
                    + " register its cluster first (đơn vị chưa thuộc cụm thi đua nào)");
        }
        PasswordPolicy.refusal(body.username(), body.password()).ifPresent(why -> {
            throw new InvalidValue("password", why);
        });
        if (users.exists(body.username())) {
            throw new RuleViolation("user.exists", "user " + body.username() + " already exists");
        }
        users.create(body.username(), body.password(), body.displayName(), body.roles(), body.unitCode());
        return ResponseEntity.created(URI.create("/api/v1/admin/users/" + body.username()))
                .body(UserView.of(users.loadUserByUsername(body.username())));
    }

    /** Clusters are few (a province has tens); each is read from its own stream, as the command side does. */
    private boolean memberOfARegisteredCluster(String unitCode) {
        for (String stream : streams.streamsStartedBy(ClusterRegistered.class)) {
            String code = stream.substring(stream.indexOf(':') + 1);
            if (clusters.findCluster(code).map(c -> c.members().stream().anyMatch(m -> m.code().equals(unitCode)))
                    .orElse(false)) {
                return true;
            }
        }
        return false;
    }

    @GetMapping
    public List<UserView> list(@AuthenticationPrincipal AppUser user) {
        permissions.operator(user);
        return users.all().stream().map(UserView::of).toList();
    }
}
