package nl.proeftuin.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.proeftuin.security.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Concurrent requests with the same credentials share one slow password check. */
class LoginCacheTest {

    final LoginCache cache = new LoginCache(new SettableClock(Instant.parse("2026-03-01T09:00:00Z")), new SecureRandom());
    final ExecutorService requests = Executors.newFixedThreadPool(8);
    final AtomicInteger checks = new AtomicInteger();
    final CountDownLatch checking = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        requests.shutdownNow();
    }

    @Test
    void requestsThatArriveDuringACheckWaitForItsAnswer() throws Exception {
        User ed = Fixture.editor("ed", "zeeland");
        Future<Optional<User>> first = requests.submit(() -> cache.checkOnce("ed", "secret", () -> slowCheck(ed)));
        assertThat(checking.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<Optional<User>>> others = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            others.add(requests.submit(() -> cache.checkOnce("ed", "secret", () -> slowCheck(ed))));
        }
        Future<Optional<User>> otherPassword = requests.submit(() -> cache.checkOnce("ed", "guess", Optional::empty));

        assertThat(otherPassword.get(10, TimeUnit.SECONDS)).as("other credentials do not wait").isEmpty();
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).contains(ed);
        for (Future<Optional<User>> other : others) {
            assertThat(other.get(10, TimeUnit.SECONDS)).contains(ed);
        }
        assertThat(checks).as("slow checks").hasValue(1);
    }

    @Test
    void aFailedCheckReachesTheWaitersAndIsNotKept() throws Exception {
        Future<Optional<User>> first = requests.submit(() -> cache.checkOnce("ed", "secret", () -> {
            checking.countDown();
            await();
            throw new IllegalStateException("database gone");
        }));
        assertThat(checking.await(10, TimeUnit.SECONDS)).isTrue();
        Future<Optional<User>> waiter = requests.submit(() -> cache.checkOnce("ed", "secret", Optional::empty));
        Thread.sleep(100);
        release.countDown();

        assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("database gone");
        assertThatThrownBy(() -> waiter.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("database gone");
        assertThat(cache.checkOnce("ed", "secret", () -> Optional.of(Fixture.admin("ed")))).isPresent();
    }

    private Optional<User> slowCheck(User user) {
        checks.incrementAndGet();
        checking.countDown();
        await();
        return Optional.of(user);
    }

    private void await() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
