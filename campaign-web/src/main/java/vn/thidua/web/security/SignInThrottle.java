package vn.thidua.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Throttles sign-in by user name and by client address with Bucket4j token buckets. A failed attempt (wrong password,
 * unknown or disabled user) takes a token from both buckets; a bucket that is empty refuses every further attempt
 * for its key — before any password is checked, so a throttled attempt costs no BCrypt — until a token has trickled
 * back (greedy refill: {@code attempts} tokens per {@code period}, one every {@code period / attempts}). A successful
 * sign-in takes nothing, so a busy legitimate client never throttles itself.
 *
 * <p>The buckets live in memory, per node, in a bounded Caffeine cache (a key unused for a whole period is dropped:
 * its bucket would be full again anyway). With N nodes behind the load balancer an attacker gets at most N times the
 * limit; that is accepted here (README, "Security"). The limits are {@code thidua.signin.*} properties.
 */
public class SignInThrottle {
    /** Which bucket emptied. */
    public enum Scope { USER, ADDRESS }

    public record Limits(long perUserAttempts, Duration perUserPeriod, long perAddressAttempts,
                         Duration perAddressPeriod, long maxTracked) {
    }

    private final Limits limits;
    private final Cache<String, Bucket> users;
    private final Cache<String, Bucket> addresses;
    private final MeterRegistry meters;

    public SignInThrottle(Limits limits, MeterRegistry meters) {
        this.limits = limits;
        this.meters = meters;
        this.users = Caffeine.newBuilder().maximumSize(limits.maxTracked())
                .expireAfterAccess(limits.perUserPeriod()).build();
        this.addresses = Caffeine.newBuilder().maximumSize(limits.maxTracked())
                .expireAfterAccess(limits.perAddressPeriod()).build();
    }

    /**
     * Seconds to wait before this user name from this address may try again, or empty when it may try now. Looks
     * only: no token is taken and no bucket is made.
     */
    public OptionalLong blockedFor(String username, String address) {
        long nanos = Math.max(waitNanos(users.getIfPresent(userKey(username))),
                waitNanos(addresses.getIfPresent(address)));
        if (nanos <= 0) {
            return OptionalLong.empty();
        }
        meters.counter("thidua.signin.throttled").increment();
        return OptionalLong.of(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }

    /**
     * Counts a failed attempt against the user name and the address; answers the scopes whose bucket this attempt
     * emptied (a lockout begins), so that the caller records each lockout once.
     */
    public java.util.Set<Scope> failed(String username, String address) {
        java.util.EnumSet<Scope> emptied = java.util.EnumSet.noneOf(Scope.class);
        if (take(users.get(userKey(username), k -> bucket(limits.perUserAttempts(), limits.perUserPeriod())))) {
            emptied.add(Scope.USER);
        }
        if (take(addresses.get(address, k -> bucket(limits.perAddressAttempts(), limits.perAddressPeriod())))) {
            emptied.add(Scope.ADDRESS);
        }
        meters.counter("thidua.signin.failures").increment();
        return emptied;
    }

    /** Takes a token; true when this one was the last (the bucket is now empty). */
    private static boolean take(Bucket bucket) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() && probe.getRemainingTokens() == 0;
    }

    private static long waitNanos(Bucket bucket) {
        if (bucket == null) {
            return 0;
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    private static Bucket bucket(long attempts, Duration period) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(attempts).refillGreedy(attempts, period).build())
                .build();
    }

    static String userKey(String username) {
        String u = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return u.length() > 200 ? u.substring(0, 200) : u;
    }
}
