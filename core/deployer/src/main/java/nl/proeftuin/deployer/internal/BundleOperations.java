package nl.proeftuin.deployer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The framework operations on one pilot bundle, each limited to that bundle: an update refreshes only when an old
 * revision is still wired somewhere, so core bundles and other pilots are never stopped or re-wired.
 */
final class BundleOperations {

    static final String LOCATION_PREFIX = "proeftuin:deploy/";

    private final BundleContext context;
    private final FrameworkWiring wiring;
    private volatile long timeoutMillis;
    private final ExecutorService starter = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "proeftuin-bundle-start");
        thread.setDaemon(true);
        return thread;
    });

    BundleOperations(BundleContext context, long timeoutMillis) {
        this.context = context;
        this.wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        this.timeoutMillis = timeoutMillis;
    }

    /** Sets how long one operation may take, for the operations that start after this call. */
    void timeoutMillis(long millis) {
        this.timeoutMillis = millis;
    }

    static String location(String fileName) {
        return LOCATION_PREFIX + fileName;
    }

    Bundle install(String fileName, Path file) throws BundleException, IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return context.installBundle(location(fileName), in);
        }
    }

    /**
     * Replaces the content and refreshes only if needed. The framework stops and restarts the bundle itself, and
     * when it refuses the new content the old one keeps running; the caller starts the bundle if it is not active.
     */
    void update(Bundle bundle, Path file) throws BundleException, IOException {
        try (InputStream in = Files.newInputStream(file)) {
            bundle.update(in);
        }
        refreshIfPending(bundle);
    }

    void uninstall(Bundle bundle) throws BundleException {
        stopQuietly(bundle);
        bundle.uninstall();
        refreshIfPending(bundle);
    }

    /**
     * Starts a bundle on a thread of its own, so that an activator that hangs cannot stop the deployer.
     *
     * @return null when started or when it waits for requirements (see {@link Requirements}); otherwise why it failed
     */
    String start(Bundle bundle) {
        Future<?> start = starter.submit(() -> {
            bundle.start();
            return null;
        });
        try {
            start.get(timeoutMillis, TimeUnit.MILLISECONDS);
            return null;
        } catch (TimeoutException e) {
            return "The bundle's activator did not return within " + timeoutMillis / 1000 + " s; it is left starting.";
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BundleException be && be.getType() == BundleException.RESOLVE_ERROR) {
                return null;
            }
            return describeStartFailure(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Starting was interrupted.";
        }
    }

    static String describeStartFailure(Throwable failure) {
        Throwable cause = failure instanceof BundleException && failure.getCause() != null ? failure.getCause() : failure;
        if (failure instanceof BundleException be && be.getType() == BundleException.ACTIVATOR_ERROR) {
            return "The bundle's activator failed: " + cause.getClass().getName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ".";
        }
        return "The bundle did not start: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ".";
    }

    /** Starts bundles that were waiting for requirements and can now resolve; returns those that started. */
    List<Bundle> resolveWaiting(Collection<Bundle> waiting) {
        if (waiting.isEmpty()) {
            return List.of();
        }
        wiring.resolveBundles(waiting);
        return waiting.stream().filter(b -> b.getState() == Bundle.RESOLVED).toList();
    }

    private void stopQuietly(Bundle bundle) {
        if ((bundle.getState() & (Bundle.ACTIVE | Bundle.STARTING)) != 0) {
            try {
                bundle.stop();
            } catch (BundleException | IllegalStateException e) {
                // a failing stop() must not keep the new version out
            }
        }
    }

    private void refreshIfPending(Bundle bundle) {
        Collection<Bundle> pending = wiring.getRemovalPendingBundles();
        if (!pending.contains(bundle)) {
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(List.of(bundle), event -> done.countDown());
        try {
            done.await(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void close() {
        starter.shutdownNow();
    }
}
