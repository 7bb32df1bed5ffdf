package vn.thidua.web.security;

import com.github.benmanes.caffeine.cache.Ticker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.thidua.domain.shared.Role;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A verified password is remembered for its TTL; the user's record only for the short user TTL, so a disabled user
 * or changed roles take effect within it, without a user query on every request; forget drops both.
 */
class VerifiedCredentialsCacheTest {
    private static final long TTL = 60_000;
    private static final long USER_TTL = 5_000;

    private final FakeTicker ticker = new FakeTicker();
    private final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final AtomicInteger passwordChecks = new AtomicInteger();
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String hash) {
            passwordChecks.incrementAndGet();
            return bcrypt.matches(raw, hash);
        }
    };
    private FakeUsers users;
    private VerifiedCredentialsCache cache;

    @BeforeEach
    void setUp() {
        users = new FakeUsers();
        users.put(user("ann", Set.of(Role.UNIT_OFFICER), true));
        users.put(user("anna", Set.of(Role.UNIT_OFFICER), true));
        cache = new VerifiedCredentialsCache(users, counting, ticker, TTL, USER_TTL);
    }

    private AppUser user(String name, Set<Role> roles, boolean enabled) {
        return new AppUser(name, bcrypt.encode("secret-" + name), "Cán bộ " + name, roles, "U1", enabled);
    }

    private Authentication signIn(String name) {
        return signIn(name, "secret-" + name);
    }

    private Authentication signIn(String name, String password) {
        return cache.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name, password));
    }

    private static Set<String> authorities(Authentication a) {
        return a.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void aRememberedCheckReadsTheUserAgainOnlyAfterTheUserTtl() {
        Authentication first = signIn("ann");
        assertThat(first.isAuthenticated()).isTrue();
        assertThat(passwordChecks).hasValue(1);
        assertThat(users.finds).hasValue(1);

        ticker.advance(USER_TTL - 1);
        for (int i = 0; i < 10; i++) {
            assertThat(signIn("ann").getPrincipal()).isEqualTo(first.getPrincipal());
        }
        assertThat(users.finds).as("no user query within the user TTL").hasValue(1);
        assertThat(passwordChecks).hasValue(1);

        ticker.advance(1);
        signIn("ann");
        signIn("ann");
        assertThat(users.finds).as("one query once the user TTL is over, then remembered again").hasValue(2);
        assertThat(passwordChecks).hasValue(1);
    }

    @Test
    void changedRolesTakeEffectWithinTheUserTtl() {
        assertThat(authorities(signIn("ann"))).containsExactly("ROLE_UNIT_OFFICER");
        users.put(user("ann", Set.of(Role.AUDITOR), true));
        ticker.advance(USER_TTL - 1);
        assertThat(authorities(signIn("ann"))).as("still the remembered record").containsExactly("ROLE_UNIT_OFFICER");
        ticker.advance(1);
        assertThat(authorities(signIn("ann"))).containsExactly("ROLE_AUDITOR");
        assertThat(((AppUser) signIn("ann").getPrincipal()).roles()).containsExactly(Role.AUDITOR);
    }

    @Test
    void aDisabledUserIsRefusedWithinTheUserTtlAndRefusalsStayCheap() {
        signIn("ann");
        users.put(user("ann", Set.of(Role.UNIT_OFFICER), false));
        ticker.advance(USER_TTL);
        assertThatThrownBy(() -> signIn("ann")).isInstanceOf(BadCredentialsException.class);
        int finds = users.finds.get();
        assertThatThrownBy(() -> signIn("ann")).isInstanceOf(BadCredentialsException.class);
        assertThat(users.finds).as("the refusal is remembered for the user TTL too").hasValue(finds);
        assertThat(passwordChecks).hasValue(1);

        users.put(user("ann", Set.of(Role.UNIT_OFFICER), true));
        ticker.advance(USER_TTL);
        assertThat(signIn("ann").isAuthenticated()).isTrue();

        users.remove("ann");
        ticker.advance(USER_TTL);
        assertThatThrownBy(() -> signIn("ann")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void forgetDropsTheRememberedCheckAndTheRememberedUserOfThatUserOnly() {
        signIn("ann");
        signIn("anna");
        assertThat(passwordChecks).hasValue(2);
        users.put(user("ann", Set.of(Role.AUDITOR), true));

        cache.forget("ann");
        assertThat(authorities(signIn("ann"))).as("read again at once").containsExactly("ROLE_AUDITOR");
        assertThat(passwordChecks).as("and the password checked again").hasValue(3);
        signIn("anna");
        assertThat(passwordChecks).as("another user's entry is kept").hasValue(3);

        users.put(user("ann", Set.of(Role.AUDITOR), false));
        cache.forget("ann");
        assertThatThrownBy(() -> signIn("ann")).isInstanceOf(DisabledException.class);
    }

    @Test
    void aWrongPasswordIsNeverAnsweredFromMemoryAndThePasswordCheckExpires() {
        signIn("ann");
        assertThatThrownBy(() -> signIn("ann", "wrong")).isInstanceOf(BadCredentialsException.class);
        assertThat(passwordChecks).hasValue(2);
        ticker.advance(TTL);
        signIn("ann");
        assertThat(passwordChecks).as("the check is made again once its TTL is over").hasValue(3);
    }

    /** The user table in memory, counting reads. */
    private static final class FakeUsers extends UserStore {
        final Map<String, AppUser> byName = new ConcurrentHashMap<>();
        final AtomicInteger finds = new AtomicInteger();

        FakeUsers() {
            super(null, null, Clock.systemUTC());
        }

        void put(AppUser user) {
            byName.put(user.username(), user);
        }

        void remove(String name) {
            byName.remove(name);
        }

        @Override
        public Optional<AppUser> find(String username) {
            finds.incrementAndGet();
            return Optional.ofNullable(byName.get(username));
        }
    }

    /** Caffeine's time source, moved by hand. */
    private static final class FakeTicker implements Ticker {
        private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

        void advance(long millis) {
            nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
        }

        @Override
        public long read() {
            return nanos.get();
        }
    }
}
