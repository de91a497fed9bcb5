package nl.proeftuin.security.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.proeftuin.security.User;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the initial admin ({@link InitialAdmin}) is settled. Settling it costs one or two slow
 * password hashes, so the user directory does it in the background rather than holding up the
 * platform's start; until it is done, a password check for {@value User#ADMIN} waits for it, so
 * that the admin is never let in (or refused) on a password that is about to change. Other users
 * are not held up.
 *
 * <p>An internal service of the security bundle, shared by the user directory (which settles it)
 * and the authenticator. Thread-safety: may be called from any thread.
 */
@Component(service = AdminBootstrap.class)
public final class AdminBootstrap {

    /** The longest a check of the admin's password waits for the start to settle the admin. */
    static final Duration WAIT = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private final CompletableFuture<Void> settled = new CompletableFuture<>();
    private volatile boolean stopping;

    /** Runs {@code work} on a thread of its own and marks the admin settled when it ends, also when it fails. */
    void settleInBackground(Runnable work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
                settled.complete(null);
            } catch (RuntimeException e) {
                if (stopping) {
                    // the platform stopped under it (the database closed); the next start settles the admin
                    LOG.info("Stopped before the admin was made sure of; the next start does it ({})", e.getMessage());
                    settled.completeExceptionally(e);
                    return;
                }
                LOG.error("Could not make sure the platform has an admin: {}", e.getMessage(), e);
                settled.completeExceptionally(e);
            }
        }, "proeftuin-initial-admin");
        thread.setDaemon(true);
        thread.start();
    }

    /** The user directory goes away: a failure of the settling from now on is the stop's doing, not a fault. */
    void stopping() {
        stopping = true;
    }

    /** For tests and for a directory that settles the admin itself: the admin is settled now. */
    void settled() {
        settled.complete(null);
    }

    /**
     * Waits, for a check of the admin's password only, until the admin is settled.
     *
     * @param username the name whose password is about to be checked (normalised)
     */
    void awaitFor(String username) {
        if (!User.ADMIN.equals(username) || settled.isDone()) {
            return;
        }
        try {
            settled.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // logged where it happened; the check goes on against whatever the database holds
        } catch (TimeoutException e) {
            LOG.warn("The initial admin is still not settled after {} s; checking the password as it is stored",
                    WAIT.toSeconds());
        }
    }

    /** @return whether the admin is settled (successfully or not) */
    boolean isSettled() {
        return settled.isDone();
    }
}
