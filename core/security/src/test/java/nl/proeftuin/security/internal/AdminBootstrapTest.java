package nl.proeftuin.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AdminBootstrapTest {

    @Test
    void aCheckOfTheAdminsPasswordWaitsUntilTheAdminIsSettled() throws Exception {
        AdminBootstrap bootstrap = new AdminBootstrap();
        CountDownLatch release = new CountDownLatch(1);
        bootstrap.settleInBackground(() -> await(release));

        CompletableFuture<Void> adminCheck = CompletableFuture.runAsync(() -> bootstrap.awaitFor("admin"));
        Thread.sleep(200);
        assertThat(adminCheck).as("held up while the admin is being settled").isNotDone();

        release.countDown();
        adminCheck.get(10, TimeUnit.SECONDS);
        assertThat(bootstrap.isSettled()).isTrue();
    }

    @Test
    void otherUsersAreNotHeldUp() throws Exception {
        AdminBootstrap bootstrap = new AdminBootstrap();
        CountDownLatch release = new CountDownLatch(1);
        bootstrap.settleInBackground(() -> await(release));
        try {
            CompletableFuture.runAsync(() -> bootstrap.awaitFor("ed")).get(5, TimeUnit.SECONDS);
            assertThat(bootstrap.isSettled()).isFalse();
        } finally {
            release.countDown();
        }
    }

    @Test
    void aFailedSettlingDoesNotBlockTheAdminForEver() throws Exception {
        AdminBootstrap bootstrap = new AdminBootstrap();
        bootstrap.settleInBackground(() -> {
            throw new IllegalStateException("data folder not writable");
        });

        CompletableFuture.runAsync(() -> bootstrap.awaitFor("admin")).get(10, TimeUnit.SECONDS);
        assertThat(bootstrap.isSettled()).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
