package vn.thidua.web.security;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTest {
    private final SignInThrottle throttle = new SignInThrottle(new SignInThrottle.Limits(3, Duration.ofMinutes(15),
            5, Duration.ofMinutes(15), 1000), new SimpleMeterRegistry());

    @Test
    void theUsersBucketEmptiesAtItsLimitAndSaysHowLongToWait() {
        assertThat(throttle.blockedFor("An", "10.0.0.1")).isEmpty();
        assertThat(throttle.failed("an", "10.0.0.1")).isEmpty();
        assertThat(throttle.failed("AN", "10.0.0.2")).isEmpty();
        assertThat(throttle.failed("an", "10.0.0.3")).containsExactly(SignInThrottle.Scope.USER);
        // One token back every 15 min / 3 = 300 s.
        assertThat(throttle.blockedFor("an", "10.0.0.9").orElseThrow()).isBetween(1L, 300L);
        assertThat(throttle.blockedFor("binh", "10.0.0.9")).isEmpty();
    }

    @Test
    void theAddressBucketCountsEveryUserName() {
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.failed("user" + i, "10.1.1.1")).isEmpty();
        }
        assertThat(throttle.failed("user9", "10.1.1.1")).containsExactly(SignInThrottle.Scope.ADDRESS);
        assertThat(throttle.blockedFor("someone-else", "10.1.1.1")).isPresent();
        assertThat(throttle.blockedFor("someone-else", "10.1.1.2")).isEmpty();
    }
}
