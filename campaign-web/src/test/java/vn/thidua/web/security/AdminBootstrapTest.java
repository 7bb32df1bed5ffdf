package vn.thidua.web.security;

import org.junit.jupiter.api.Test;
import vn.thidua.domain.shared.Role;

import java.util.EnumSet;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** THIDUA_ADMIN_PASSWORD goes through the password policy: a weak one creates and resets nothing. */
class AdminBootstrapTest {

    @Test
    void aWeakOperatorPasswordIsRefused() {
        UserStore users = mock(UserStore.class);
        for (String weak : new String[]{"admin", "password1234", "ops", "a".repeat(100)}) {
            new AdminBootstrap(users, "ops", weak).run(null);
        }
        verify(users, never()).createOrReset(anyString(), anyString(), anyString(), any(), any());
    }

    @Test
    void aGoodOneCreatesOrResetsTheOperator() {
        UserStore users = mock(UserStore.class);
        new AdminBootstrap(users, "ops", "Ops-it-secret-1").run(null);
        verify(users).createOrReset("ops", "Ops-it-secret-1", "Operator ops", EnumSet.of(Role.OPERATOR), null);
    }
}
