package nl.proeftuin.feeds.internal;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One call of a feed: first its {@code fetch} on a caller thread, then the recording of what it returned. The
 * fetching phase ends in exactly one of three ways, decided atomically: the feed returns (and its rows are recorded),
 * the time-out strikes, or the feed's service goes away. Only a feed still fetching is ever interrupted, so an
 * interrupt never reaches the store's I/O.
 */
final class FeedCall {

    /** Where the call stands. */
    enum Phase {
        FETCHING, RECORDING, TIMED_OUT, ABANDONED
    }

    final Instant started;
    /** Completes once the call's outcome is in the feed's status (or the call was abandoned). */
    final CompletableFuture<Void> settled = new CompletableFuture<>();
    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.FETCHING);
    private volatile Future<?> task;
    private volatile Future<?> watchdog;

    FeedCall(Instant started) {
        this.started = started;
    }

    void running(Future<?> callerTask, Future<?> timeOut) {
        this.task = callerTask;
        this.watchdog = timeOut;
        if (phase.get() != Phase.FETCHING) {
            // the feed returned before the time-out was even set: drop it now, or it would keep the feed (and its
            // bundle's class loader) reachable from the timer's queue until it is due
            timeOut.cancel(false);
        }
    }

    /**
     * Called by the caller thread when {@code fetch} returned or threw.
     *
     * @return true when the result still counts; false when the call timed out or was abandoned meanwhile
     */
    boolean fetched() {
        if (!phase.compareAndSet(Phase.FETCHING, Phase.RECORDING)) {
            return false;
        }
        Future<?> timeOut = watchdog;
        if (timeOut != null) {
            timeOut.cancel(false);
        }
        return true;
    }

    /**
     * Ends the fetching phase from outside and interrupts the feed's thread.
     *
     * @param why {@link Phase#TIMED_OUT} or {@link Phase#ABANDONED}
     * @return false when the feed had returned already (nothing is interrupted then)
     */
    boolean stop(Phase why) {
        if (!phase.compareAndSet(Phase.FETCHING, why)) {
            return false;
        }
        Future<?> callerTask = task;
        if (callerTask != null) {
            callerTask.cancel(true);
        }
        Future<?> timeOut = watchdog;
        if (timeOut != null && why == Phase.ABANDONED) {
            timeOut.cancel(false);
        }
        return true;
    }
}
