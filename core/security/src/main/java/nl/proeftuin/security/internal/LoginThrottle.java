package nl.proeftuin.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per key (a username, or a client address) and says when further attempts
 * must wait: after {@code failuresBeforeThrottle} failures in a row, the next attempt waits 1 s,
 * and the wait doubles with each further failure up to {@code maxThrottle}.
 *
 * <p>Kept in memory, per platform node: an attacker spreading attempts over several nodes gets
 * that many times the attempts, which is still a handful per second at most. Counters of keys
 * that failed nothing for {@link #forgetAfter} are dropped, so that random names cannot fill
 * the memory for long.
 *
 * <p>Thread-safety: may be called from any thread; each key is updated atomically.
 */
final class LoginThrottle {

    /** Above this many keys, stale ones are swept out at the next failure. */
    static final int SWEEP_ABOVE = 10_000;

    private record Failures(int count, Instant last, Instant blockedUntil) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final int failuresBeforeThrottle;
    private final Duration maxThrottle;
    private final Duration forgetAfter;
    private final Clock clock;

    /**
     * @param failuresBeforeThrottle failures in a row let through before throttling, at least 1
     * @param maxThrottle the longest wait, positive
     * @param clock the time
     * @throws IllegalArgumentException if a number is out of range
     */
    LoginThrottle(int failuresBeforeThrottle, Duration maxThrottle, Clock clock) {
        if (failuresBeforeThrottle < 1) {
            throw new IllegalArgumentException(SecurityConfig.PID + ": failuresBeforeThrottle="
                    + failuresBeforeThrottle + " (expected at least 1)");
        }
        if (maxThrottle.isNegative() || maxThrottle.isZero()) {
            throw new IllegalArgumentException(SecurityConfig.PID + ": maxThrottleSeconds="
                    + maxThrottle.toSeconds() + " (expected at least 1)");
        }
        this.failuresBeforeThrottle = failuresBeforeThrottle;
        this.maxThrottle = maxThrottle;
        // long enough that a patient attacker waiting out the longest block keeps the count
        this.forgetAfter = maxThrottle.multipliedBy(2).compareTo(Duration.ofHours(1)) > 0
                ? maxThrottle.multipliedBy(2) : Duration.ofHours(1);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * How long an attempt for a key must still wait.
     *
     * @param key a username or client address
     * @return the time left, positive; empty if the attempt may go ahead
     */
    Optional<Duration> wait(String key) {
        Failures f = failures.get(key);
        if (f == null || f.blockedUntil() == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), f.blockedUntil());
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    /**
     * Counts a failed attempt.
     *
     * @param key a username or client address
     */
    void failed(String key) {
        Instant now = clock.instant();
        failures.compute(key, (k, f) -> {
            int count = (f == null || expired(f, now) ? 0 : f.count()) + 1;
            return new Failures(count, now, count < failuresBeforeThrottle ? null : now.plus(block(count)));
        });
        if (failures.size() > SWEEP_ABOVE) {
            failures.values().removeIf(f -> expired(f, now));
        }
    }

    /**
     * Forgets the failures of a key, after a successful login.
     *
     * @param key a username
     */
    void succeeded(String key) {
        failures.remove(key);
    }

    /**
     * The number of keys with failures, for tests of the memory bound.
     *
     * @return the number of keys kept
     */
    int size() {
        return failures.size();
    }

    private Duration block(int count) {
        int doublings = count - failuresBeforeThrottle;
        // 2^30 s is far beyond any maximum; stop shifting before the long overflows
        Duration wait = doublings >= 30 ? maxThrottle : Duration.ofSeconds(1L << doublings);
        return wait.compareTo(maxThrottle) > 0 ? maxThrottle : wait;
    }

    private boolean expired(Failures f, Instant now) {
        return f.last().plus(forgetAfter).isBefore(now);
    }
}
