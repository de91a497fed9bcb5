package nl.proeftuin.web.internal.api;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A value that is expensive to compute, kept for a short life and computed by one thread at a time.
 *
 * <p>The value belongs to the inputs it was computed from (a key). While the key is unchanged, a value older than
 * its life is still handed out to other callers while one caller computes the next: under load, an expired overview
 * costs one computation, not one per waiting request. When the key has changed (data was recorded, the catalogue
 * changed), no caller gets the old value: they all wait for one computation with the new key, so a user who just
 * uploaded sees the upload.
 *
 * <p>Thread-safety: {@link #get} may be called from any number of threads.
 *
 * @param <K> the inputs, compared with {@code equals}
 * @param <V> the value
 */
final class RecentValue<K, V> {

    private final long lifeMillis;
    private final LongSupplier clock;
    private final Object lock = new Object();
    private volatile Entry<K, V> current;
    /** The computation under way, guarded by {@link #lock}. */
    private Flight<K, V> flight;

    private record Entry<K, V>(K key, long computedAt, V value) {
    }

    private record Flight<K, V>(K key, CompletableFuture<Entry<K, V>> result) {
    }

    RecentValue(long lifeMillis, LongSupplier clock) {
        this.lifeMillis = lifeMillis;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The value for a key: the kept one while it is young enough, else a fresh one.
     *
     * @param key the inputs as of now
     * @param compute computes the value for those inputs; runs in the calling thread
     * @return the value; for an unchanged key possibly one that outlived its life by the time one computation takes
     * @throws RuntimeException what {@code compute} threw, also in the callers that waited for it
     */
    V get(K key, Supplier<V> compute) {
        Entry<K, V> kept = current;
        boolean sameKey = kept != null && kept.key().equals(key);
        if (sameKey && clock.getAsLong() - kept.computedAt() < lifeMillis) {
            return kept.value();
        }
        CompletableFuture<Entry<K, V>> joined = null;
        CompletableFuture<Entry<K, V>> mine = null;
        synchronized (lock) {
            Entry<K, V> latest = current;
            if (latest != kept && latest != null && latest.key().equals(key)) {
                return latest.value(); // computed while this caller came in
            }
            if (flight != null && flight.key().equals(key)) {
                joined = flight.result();
            } else {
                mine = new CompletableFuture<>();
                flight = new Flight<>(key, mine);
            }
        }
        if (joined != null) {
            return sameKey ? kept.value() : await(joined);
        }
        try {
            long started = clock.getAsLong(); // the value's age counts from when its inputs were read
            Entry<K, V> fresh = new Entry<>(key, started, compute.get());
            current = fresh;
            mine.complete(fresh);
            return fresh.value();
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            synchronized (lock) {
                if (flight != null && flight.result() == mine) {
                    flight = null;
                }
            }
        }
    }

    private static <V> V await(CompletableFuture<? extends Entry<?, V>> result) {
        try {
            return result.join().value();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
