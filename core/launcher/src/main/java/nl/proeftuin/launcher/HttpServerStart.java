package nl.proeftuin.launcher;

import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * Starts the HTTP server bundle on a thread of its own, beside the framework's start of the other core bundles.
 * Starting Jetty is one of the slowest steps of a start and needs nothing but the settings (start level 1); run in
 * turn, it would delay the store, Declarative Services and the web layer, which in turn need nothing from it until
 * a request comes. The server starts as soon as the framework begins start level 2, that is once Configuration
 * Admin holds the settings.
 *
 * <p>The server bundle is started transiently: the framework does not start it by itself, so this is the only
 * place that does, also with a bundle cache kept from an earlier start.
 *
 * <p>Thread safety: the framework calls {@link #bundleChanged} on its own threads; {@link #finish()} is called
 * once, by the thread that starts the platform, after {@code Framework.start()} returned or failed.
 */
final class HttpServerStart implements SynchronousBundleListener {

    private final BundleContext context;
    private final Bundle server;
    private final AtomicBoolean begun = new AtomicBoolean();
    private volatile Thread thread;
    private volatile Throwable failure;

    private HttpServerStart(BundleContext context, Bundle server) {
        this.context = context;
        this.server = server;
    }

    /**
     * Waits for the framework to begin start level 2, then starts the server.
     *
     * @param context the framework's context
     * @param server the HTTP server bundle, at start level 2 and not marked to be started by the framework
     * @return the pending start, to {@link #finish()}
     */
    static HttpServerStart prepare(BundleContext context, Bundle server) {
        HttpServerStart start = new HttpServerStart(context, server);
        context.addBundleListener(start);
        return start;
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle bundle = event.getBundle();
        if (event.getType() == BundleEvent.STARTING && bundle != server && bundle.getBundleId() != 0
                && bundle.adapt(BundleStartLevel.class).getStartLevel() >= 2 && begun.compareAndSet(false, true)) {
            context.removeBundleListener(this);
            Thread starter = new Thread(this::startServer, "proeftuin-http-start");
            starter.setDaemon(true);
            thread = starter;
            starter.start();
        }
    }

    private void startServer() {
        try {
            server.start(Bundle.START_TRANSIENT);
        } catch (BundleException | RuntimeException e) {
            failure = e;
        }
    }

    /**
     * Waits until the server's start has ended; starts it here when the framework started without beginning start
     * level 2 on its own.
     *
     * @param frameworkStarted false when the framework failed to start: then the server is not started here
     * @return why the server did not start, or null when it did (or was not started here)
     */
    Throwable finish(boolean frameworkStarted) {
        if (begun.compareAndSet(false, true)) {
            context.removeBundleListener(this);
            if (frameworkStarted) {
                startServer();
            }
        } else {
            boolean interrupted = false;
            Thread starter;
            while ((starter = thread) == null || starter.isAlive()) {
                try {
                    if (starter == null) {
                        Thread.onSpinWait(); // set right after begun, on the framework's thread
                    } else {
                        starter.join();
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return failure;
    }
}
