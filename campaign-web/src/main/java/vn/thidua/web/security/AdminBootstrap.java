package vn.thidua.web.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.thidua.domain.shared.Role;

import java.util.EnumSet;

/**
 * THIDUA_ADMIN_USER and THIDUA_ADMIN_PASSWORD create (or reset) the first operator, in every profile. A password the
 * {@link PasswordPolicy} refuses is not used: the operator is neither created nor reset, and start-up logs an ERROR
 * with the reason.
 */
@Component
@Order(0)
public class AdminBootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private final UserStore users;
    private final String username;
    private final String password;

    public AdminBootstrap(UserStore users, @Value("${thidua.admin.user:}") String username,
                          @Value("${thidua.admin.password:}") String password) {
        this.users = users;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (username.isBlank()) {
            return;
        }
        if (password.isBlank()) {
            log.warn("THIDUA_ADMIN_USER is set without THIDUA_ADMIN_PASSWORD: operator {} not created", username);
            return;
        }
        var weak = PasswordPolicy.refusal(username, password);
        if (weak.isPresent()) {
            // Refused rather than failing start-up: the application still serves, the operator is not created or
            // reset (an existing one keeps its former password), and the log says why.
            log.error("THIDUA_ADMIN_PASSWORD refused by the password policy, operator {} NOT created or reset: {}",
                    username, weak.get());
            return;
        }
        users.createOrReset(username, password, "Operator " + username, EnumSet.of(Role.OPERATOR), null);
        log.info("Operator {} is ready", username);
    }
}
