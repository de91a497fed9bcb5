package nl.proeftuin.web.internal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The overview's cache: one computation at a time, and never an old value once the inputs changed. */
class RecentValueTest {

    final AtomicLong now = new AtomicLong(1_000);
    final RecentValue<String, String> value = new RecentValue<>(2_000, now::get);
    final AtomicInteger computations = new AtomicInteger();
    final ExecutorService callers = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void keepsAValueForItsLifeAndItsInputs() {
        assertThat(value.get("v1", () -> computed("a"))).isEqualTo("a");
        now.addAndGet(1_999);
        assertThat(value.get("v1", () -> computed("b"))).isEqualTo("a");
        assertThat(value.get("v2", () -> computed("c"))).as("new inputs").isEqualTo("c");
        now.addAndGet(2_000);
        assertThat(value.get("v2", () -> computed("d"))).as("life over").isEqualTo("d");
        assertThat(computations).hasValue(3);
    }

    @Test
    void anExpiredValueIsComputedOnceWhileOthersGetTheLastOne() throws Exception {
        value.get("v1", () -> computed("old"));
        now.addAndGet(5_000);
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> computer = callers.submit(() -> value.get("v1", () -> {
            computing.countDown();
            await(release);
            return computed("new");
        }));
        assertThat(computing.await(10, TimeUnit.SECONDS)).isTrue();

        List<Future<String>> others = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            others.add(callers.submit(() -> value.get("v1", () -> computed("stampede"))));
        }
        for (Future<String> other : others) {
            assertThat(other.get(10, TimeUnit.SECONDS)).as("served while one computes").isEqualTo("old");
        }
        release.countDown();

        assertThat(computer.get(10, TimeUnit.SECONDS)).isEqualTo("new");
        assertThat(value.get("v1", () -> computed("later"))).isEqualTo("new");
        assertThat(computations).hasValue(2);
    }

    @Test
    void afterNewInputsEveryCallerWaitsForTheOneNewValue() throws Exception {
        value.get("v1", () -> computed("before the upload"));
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> computer = callers.submit(() -> value.get("v2", () -> {
            computing.countDown();
            await(release);
            return computed("after the upload");
        }));
        assertThat(computing.await(10, TimeUnit.SECONDS)).isTrue();

        List<Future<String>> waiting = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            waiting.add(callers.submit(() -> value.get("v2", () -> computed("stampede"))));
        }
        Thread.sleep(100);
        assertThat(waiting).as("nobody gets the value from before the upload").noneMatch(Future::isDone);
        release.countDown();

        assertThat(computer.get(10, TimeUnit.SECONDS)).isEqualTo("after the upload");
        for (Future<String> other : waiting) {
            assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo("after the upload");
        }
        assertThat(computations).hasValue(2);
    }

    @Test
    void aFailedComputationReachesItsWaitersAndTheNextCallTriesAgain() throws Exception {
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> computer = callers.submit(() -> value.get("v1", () -> {
            computing.countDown();
            await(release);
            throw new IllegalStateException("database gone");
        }));
        assertThat(computing.await(10, TimeUnit.SECONDS)).isTrue();
        Future<String> waiter = callers.submit(() -> value.get("v1", () -> computed("stampede")));
        Thread.sleep(100);
        release.countDown();

        assertThatThrownBy(() -> computer.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("database gone");
        assertThatThrownBy(() -> waiter.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("database gone");
        assertThat(value.get("v1", () -> computed("back"))).isEqualTo("back");
    }

    private String computed(String result) {
        computations.incrementAndGet();
        return result;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
