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
 * be limited to a dozen requests a second per core. A successful check is remembered for a short while, keyed by
 * user name and a SHA-256 digest of the password (never the password itself); the user's current record is read
 * each time, so a disabled user or changed roles take effect at once, and a changed password at the latest when
 * the entry expires.
 */
public class VerifiedCredentialsCache implements AuthenticationProvider {
    private static final int MAX_ENTRIES = 10_000;

    private final DaoAuthenticationProvider delegate;
    private final UserStore users;
    private final Clock clock;
    private final long ttlMillis;
    private final Map<String, Long> verifiedUntil = new ConcurrentHashMap<>();

    public VerifiedCredentialsCache(UserStore users, PasswordEncoder encoder, Clock clock, long ttlMillis) {
        this.delegate = new DaoAuthenticationProvider(users);
        this.delegate.setPasswordEncoder(encoder);
        this.users = users;
        this.clock = clock;
        this.ttlMillis = ttlMillis;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = request.getName();
        String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
        String key = username + '\u0000' + digest(password);
        Long until = verifiedUntil.get(key);
        long now = clock.millis();
        if (until != null && until > now) {
            AppUser user = users.find(username).filter(AppUser::isEnabled)
                    .orElseThrow(() -> new BadCredentialsException("Bad credentials"));
            return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        }
        Authentication result = delegate.authenticate(request);
        if (verifiedUntil.size() >= MAX_ENTRIES) {
            verifiedUntil.entrySet().removeIf(e -> e.getValue() <= now);
            if (verifiedUntil.size() >= MAX_ENTRIES) {
                verifiedUntil.clear();
            }
        }
        verifiedUntil.put(key, now + ttlMillis);
        return result;
    }

    /** Forgets every remembered check of a user, e.g. when an operator resets the password on this node. */
    public void forget(String username) {
        verifiedUntil.keySet().removeIf(k -> k.startsWith(username + '\u0000'));
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
