package vn.thidua.web.api;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.domain.shared.InvalidValue;
import vn.thidua.domain.shared.Role;
import vn.thidua.domain.shared.RuleViolation;
import vn.thidua.domain.shared.Text;
import vn.thidua.web.security.AppUser;
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

    private final UserStore users;
    private final Permissions permissions;

    public AdminUserController(UserStore users, Permissions permissions) {
        this.users = users;
        this.permissions = permissions;
    }

    @PostMapping
    public ResponseEntity<UserView> create(@AuthenticationPrincipal AppUser user, @Valid @RequestBody Bodies.NewUser body) {
        permissions.operator(user);
        // The user's name is text like any other the product keeps: no control, bidi or zero-width characters (a
        // NUL is also refused by PostgreSQL). Users are not events, so the command interceptor does not see it.
        Text.checkLine("displayName", body.displayName());
        boolean bound = body.roles().stream().anyMatch(Role::boundToUnit);
        if (bound && body.unitCode() == null) {
            throw new InvalidValue("unitCode", "CLUSTER_HEAD and UNIT_OFFICER act for a unit: unitCode is required");
        }
        if (users.exists(body.username())) {
            throw new RuleViolation("user.exists", "user " + body.username() + " already exists");
        }
        users.create(body.username(), body.password(), body.displayName(), body.roles(), body.unitCode());
        return ResponseEntity.created(URI.create("/api/v1/admin/users/" + body.username()))
                .body(UserView.of(users.loadUserByUsername(body.username())));
    }

    @GetMapping
    public List<UserView> list(@AuthenticationPrincipal AppUser user) {
        permissions.operator(user);
        return users.all().stream().map(UserView::of).toList();
    }
}
