package vn.thidua.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Optional;

/**
 * HTTP Basic sends the password with every request, and a BCrypt check costs ~80 ms of CPU: an API client would
 * be limited to a dozen requests a second per core. A successful check is remembered for a while
 * ({@code thidua.auth-cache-seconds}, 60 s by default), keyed by user name and a SHA-256 digest of the password
 * (never the password itself), so a changed password takes effect at the latest when the entry expires. The user's
 * record (enabled, roles, unit) is remembered with it for a few seconds only ({@code thidua.auth-user-seconds}, 5 s
 * by default) and then read again, so a disabled user or changed roles take effect within that time on every node,
 * without a query per request. {@link #forget(String)} drops both at once on this node.
 * <p>
 * Two Caffeine caches with {@code expireAfterWrite}: the verified checks (key: user name and password digest) for
 * the check's TTL, the user records (key: user name; empty when missing or disabled, so a refusal stays cheap too)
 * for the user TTL. Renewing a user record does not renew the password check: each expires on its own write.
 */
public class VerifiedCredentialsCache implements AuthenticationProvider {
    private static final int MAX_ENTRIES = 10_000;

    private final DaoAuthenticationProvider delegate;
    private final UserStore users;
    /** Key: user name, NUL, SHA-256 of the password; present while the check is remembered. */
    private final Cache<String, Boolean> verified;
    /** Key: user name; the record as read, empty when it was missing or disabled then. */
    private final Cache<String, Optional<AppUser>> records;

    /**
     * @param ticker        the time source (Caffeine's; {@link Ticker#systemTicker()} outside tests)
     * @param ttlMillis     how long a successful password check is remembered
     * @param userTtlMillis how long the user's record is used before it is read again (0: on every request)
     */
    public VerifiedCredentialsCache(UserStore users, PasswordEncoder encoder, Ticker ticker, long ttlMillis,
                                    long userTtlMillis) {
        this.delegate = new DaoAuthenticationProvider(users);
        this.delegate.setPasswordEncoder(encoder);
        this.users = users;
        // Maintenance on the calling thread: expiry and eviction never wait for another pool.
        this.verified = Caffeine.newBuilder().ticker(ticker).executor(Runnable::run).maximumSize(MAX_ENTRIES)
                .expireAfterWrite(Duration.ofMillis(ttlMillis)).build();
        this.records = Caffeine.newBuilder().ticker(ticker).executor(Runnable::run).maximumSize(MAX_ENTRIES)
                .expireAfterWrite(Duration.ofMillis(userTtlMillis)).build();
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = request.getName();
        String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
        String key = key(username, password);
        if (verified.getIfPresent(key) != null) {
            // A concurrent forget(username) invalidates a record being read here: it is not kept.
            AppUser user = records.get(username, name -> users.find(name).filter(AppUser::isEnabled))
                    .orElseThrow(() -> new BadCredentialsException("Bad credentials"));
            return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        }
        Authentication result = delegate.authenticate(request);
        if (result.getPrincipal() instanceof AppUser user) {
            records.put(username, Optional.of(user));
        } else {
            records.invalidate(username);
        }
        verified.put(key, Boolean.TRUE);
        return result;
    }

    /**
     * Forgets every remembered check of a user and the user's remembered record, e.g. when an operator resets the
     * password or disables the user on this node: the next request is checked and read again.
     */
    public void forget(String username) {
        String prefix = username + '\u0000';
        verified.asMap().keySet().removeIf(k -> k.startsWith(prefix));
        records.invalidate(username);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String key(String username, String password) {
        return username + '\u0000' + digest(password);
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
