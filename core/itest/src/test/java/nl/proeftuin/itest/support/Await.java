package nl.proeftuin.itest.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until something holds, instead of sleeping and hoping. */
public final class Await {

    /** Long enough for any deployment, including the deployer's grace for files that may still be copied. */
    public static final Duration DEFAULT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 25;

    private Await() {
    }

    /**
     * Waits until a condition holds.
     *
     * @param what what is awaited, for the failure message
     * @param condition the condition
     * @param timeout how long to wait at most
     * @throws AssertionError when it does not hold in time
     */
    public static void await(String what, BooleanSupplier condition, Duration timeout) {
        await(what, () -> condition.getAsBoolean(), Boolean::booleanValue, timeout);
    }

    /**
     * Waits until a condition holds, for at most {@link #DEFAULT}.
     *
     * @param what what is awaited, for the failure message
     * @param condition the condition
     */
    public static void await(String what, BooleanSupplier condition) {
        await(what, condition, DEFAULT);
    }

    /**
     * Probes a value until it satisfies a condition, and returns it.
     *
     * @param what what is awaited, for the failure message
     * @param probe reads the current value; an exception counts as "not yet"
     * @param done the condition
     * @param timeout how long to wait at most
     * @param <T> the value's type
     * @return the first value that satisfies the condition
     * @throws AssertionError with the last value seen when none did in time
     */
    public static <T> T await(String what, Supplier<T> probe, Predicate<? super T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        RuntimeException lastFailure = null;
        while (true) {
            try {
                last = probe.get();
                lastFailure = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                lastFailure = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError error = new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for " + what
                        + "; last seen: " + (lastFailure != null ? lastFailure : last));
                if (lastFailure != null) {
                    error.initCause(lastFailure);
                }
                throw error;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    /**
     * Probes a value until it satisfies a condition, for at most {@link #DEFAULT}.
     *
     * @param what what is awaited, for the failure message
     * @param probe reads the current value
     * @param done the condition
     * @param <T> the value's type
     * @return the first value that satisfies the condition
     */
    public static <T> T await(String what, Supplier<T> probe, Predicate<? super T> done) {
        return await(what, probe, done, DEFAULT);
    }

    /**
     * Checks, by polling, that a condition keeps holding for a while: for what must not happen, such as a file
     * being picked up too early.
     *
     * @param what what must keep holding, for the failure message
     * @param condition the condition
     * @param duration how long it must hold
     * @throws AssertionError as soon as it does not hold
     */
    public static void during(String what, BooleanSupplier condition, Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        do {
            if (!condition.getAsBoolean()) {
                throw new AssertionError("expected " + what + " for " + duration.toMillis() + " ms, but it stopped holding");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while checking " + what, e);
            }
        } while (System.nanoTime() < end);
    }
}
