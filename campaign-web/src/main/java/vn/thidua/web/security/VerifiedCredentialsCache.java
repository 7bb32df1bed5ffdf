package vn.thidua.web.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic sends the password with every request, and a BCrypt check costs ~80 ms of CPU: an API client would
 * be limited to a dozen requests a second per core. A successful check is remembered for a while
 * ({@code thidua.auth-cache-seconds}, 60 s by default), keyed by user name and a SHA-256 digest of the password
 * (never the password itself), so a changed password takes effect at the latest when the entry expires. The user's
 * record (enabled, roles, unit) is remembered with it for a few seconds only ({@code thidua.auth-user-seconds}, 5 s
 * by default) and then read again, so a disabled user or changed roles take effect within that time on every node,
 * without a query per request. {@link #forget(String)} drops both at once on this node.
 */
public class VerifiedCredentialsCache implements AuthenticationProvider {
    private static final int MAX_ENTRIES = 10_000;

    private final DaoAuthenticationProvider delegate;
    private final UserStore users;
    private final Clock clock;
    private final long ttlMillis;
    private final long userTtlMillis;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    /**
     * A remembered check: the password was right until {@code until}; {@code user} is the record read at
     * {@code userUntil - userTtl}, null when it was missing or disabled then.
     */
    private record Verified(long until, AppUser user, long userUntil) {
    }

    /**
     * @param ttlMillis     how long a successful password check is remembered
     * @param userTtlMillis how long the user's record is used before it is read again (0: on every request)
     */
    public VerifiedCredentialsCache(UserStore users, PasswordEncoder encoder, Clock clock, long ttlMillis,
                                    long userTtlMillis) {
        this.delegate = new DaoAuthenticationProvider(users);
        this.delegate.setPasswordEncoder(encoder);
        this.users = users;
        this.clock = clock;
        this.ttlMillis = ttlMillis;
        this.userTtlMillis = userTtlMillis;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = request.getName();
        String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
        String key = username + '\u0000' + digest(password);
        Verified known = verified.get(key);
        long now = clock.millis();
        if (known != null && known.until() > now) {
            AppUser user = known.user();
            if (known.userUntil() <= now) {
                user = users.find(username).filter(AppUser::isEnabled).orElse(null);
                // Put back only over the entry read above: a concurrent forget(username) wins.
                verified.replace(key, known, new Verified(known.until(), user, now + userTtlMillis));
            }
            if (user == null) {
                throw new BadCredentialsException("Bad credentials");
            }
            return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        }
        Authentication result = delegate.authenticate(request);
        if (verified.size() >= MAX_ENTRIES) {
            verified.entrySet().removeIf(e -> e.getValue().until() <= now);
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
        }
        AppUser user = result.getPrincipal() instanceof AppUser u ? u : null;
        verified.put(key, new Verified(now + ttlMillis, user, user == null ? now : now + userTtlMillis));
        return result;
    }

    /**
     * Forgets every remembered check of a user and the user's remembered record, e.g. when an operator resets the
     * password or disables the user on this node: the next request is checked and read again.
     */
    public void forget(String username) {
        verified.keySet().removeIf(k -> k.startsWith(username + '\u0000'));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String digest(String password) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
