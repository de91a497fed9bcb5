package nl.proeftuin.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T09:00:00Z"));

    @Test
    void blocksFromTheNthFailureAndLetsGoWhenTheWaitIsOver() {
        LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(10), clock);
        throttle.failed("k");
        throttle.failed("k");
        assertThat(throttle.wait("k")).isEmpty();

        throttle.failed("k");
        assertThat(throttle.wait("k")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofMillis(400));
        assertThat(throttle.wait("k")).contains(Duration.ofMillis(600));
        clock.advance(Duration.ofMillis(600));
        assertThat(throttle.wait("k")).isEmpty();

        throttle.failed("k");
        assertThat(throttle.wait("k")).contains(Duration.ofSeconds(2));
        assertThat(throttle.wait("other")).isEmpty();
    }

    @Test
    void forgetsOldFailuresAfterAQuietHour() {
        LoginThrottle throttle = new LoginThrottle(2, Duration.ofSeconds(900), clock);
        throttle.failed("k");
        clock.advance(Duration.ofHours(1).plusSeconds(1));

        throttle.failed("k");

        assertThat(throttle.wait("k")).as("the count started again").isEqualTo(Optional.empty());
    }

    @Test
    void sweepsStaleKeysSoRandomNamesCannotFillTheMemory() {
        LoginThrottle throttle = new LoginThrottle(5, Duration.ofSeconds(900), clock);
        for (int i = 0; i <= LoginThrottle.SWEEP_ABOVE; i++) {
            throttle.failed("name-" + i);
        }
        clock.advance(Duration.ofHours(2));

        throttle.failed("fresh");

        assertThat(throttle.size()).isEqualTo(1);
    }

    @Test
    void namesTheSettingThatIsOutOfRange() {
        assertThatThrownBy(() -> new LoginThrottle(0, Duration.ofSeconds(900), clock))
                .hasMessage("nl.proeftuin.security: failuresBeforeThrottle=0 (expected at least 1)");
        assertThatThrownBy(() -> new LoginThrottle(5, Duration.ZERO, clock))
                .hasMessage("nl.proeftuin.security: maxThrottleSeconds=0 (expected at least 1)");
    }
}
