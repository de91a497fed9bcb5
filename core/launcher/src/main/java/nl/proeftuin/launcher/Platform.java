package nl.proeftuin.launcher;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running OSGi framework with the core bundles from {@code system/}. Start-up is all or nothing: a core
 * bundle that does not start, or an HTTP server that does not come up, stops the framework again and is reported
 * in one line.
 */
final class Platform {

    private static final Logger LOG = LoggerFactory.getLogger(Platform.class);
    private static final String HTTP_RUNTIME = "org.osgi.service.servlet.runtime.HttpServiceRuntime";
    private static final long HTTP_TIMEOUT_MS = 30_000;
    private static final long STOP_TIMEOUT_MS = 15_000;

    private final Framework framework;
    private final FrameworkCache cache;

    private Platform(Framework framework, FrameworkCache cache) {
        this.framework = framework;
        this.cache = cache;
    }

    /**
     * Starts the framework, installs and starts every bundle of {@code system/}, and waits until
     * {@code /api/health} answers. The bundle cache of an earlier start is used when it holds exactly the bundles of
     * this distribution (see {@link FrameworkCache}).
     *
     * @param beforeBundlesStart run once the framework is ready and just before the first bundle starts (bundles
     *     log as they start)
     */
    static Platform start(LaunchConfig config, BuildInfo build, Runnable beforeBundlesStart) throws LaunchException {
        Platform platform = startBundles(config, build, true, beforeBundlesStart);
        try {
            platform.awaitHttp(config);
            return platform;
        } catch (LaunchException e) {
            platform.stop();
            platform.cache.forget();
            throw e;
        }
    }

    /**
     * Starts the framework with every bundle of {@code system/} except the HTTP server and the bundles that cannot
     * resolve without it (the web layer, on which nothing depends): no port is opened, so this runs beside a
     * platform that serves (used by {@code proeftuin validate}).
     */
    static Platform startWithoutHttp(LaunchConfig config, BuildInfo build) throws LaunchException {
        return startBundles(config, build, false, () -> { });
    }

    /** Start-up up to the point where every installed core bundle is active; stops the framework on failure. */
    private static Platform startBundles(LaunchConfig config, BuildInfo build, boolean http, Runnable beforeBundlesStart)
            throws LaunchException {
        List<Path> jars = CoreBundles.jars(config.systemDir(), http);
        FrameworkCache cache = FrameworkCache.of(config.dataDir(), CoreBundles.withClassPath(config.installDir(), jars),
                http ? "every core bundle" : "the core bundles without HTTP");
        Platform platform = null;
        List<Bundle> bundles = null;
        if (cache.reusable()) {
            platform = init(config, build, cache, false);
            bundles = platform == null ? null : CoreBundles.adopt(platform.framework.getBundleContext(), jars);
            if (bundles == null && platform != null) {
                platform.stop(); // the cache is not what its stamp says: start over from a clean one
            }
        }
        if (bundles == null) {
            cache.forget();
            platform = init(config, build, cache, true);
            try {
                bundles = CoreBundles.install(platform.framework.getBundleContext(), jars);
            } catch (LaunchException e) {
                platform.stop();
                throw e;
            }
        }
        try {
            platform.startAll(bundles, beforeBundlesStart);
            platform.rememberCache();
            return platform;
        } catch (LaunchException e) {
            platform.stop();
            cache.forget();
            throw e;
        }
    }

    /**
     * Starts the installed core bundles: configuration first (start level 1), then everything else (level 2), the
     * HTTP server on a thread of its own beside the rest (see {@link HttpServerStart}).
     */
    private void startAll(List<Bundle> bundles, Runnable beforeBundlesStart) throws LaunchException {
        Map<Long, Throwable> failures = new ConcurrentHashMap<>();
        framework.getBundleContext().addFrameworkListener(event -> {
            if (event.getType() == FrameworkEvent.ERROR && event.getBundle() != null) {
                failures.putIfAbsent(event.getBundle().getBundleId(), event.getThrowable());
            }
        });
        Bundle server = null;
        for (Bundle bundle : bundles) {
            if (CoreBundles.HTTP_SERVER.equals(bundle.getSymbolicName())) {
                server = bundle;
                BundleStartLevel startLevel = bundle.adapt(BundleStartLevel.class);
                if (startLevel.getStartLevel() != 2) {
                    startLevel.setStartLevel(2);
                }
            } else {
                markForStart(bundle);
            }
        }
        HttpServerStart serverStart = server == null ? null : HttpServerStart.prepare(framework.getBundleContext(), server);
        boolean started = false;
        try {
            beforeBundlesStart.run();
            framework.start();
            started = true;
        } catch (BundleException e) {
            throw new LaunchException(LaunchException.STARTUP, "the OSGi framework did not start: " + e.getMessage(), e);
        } finally {
            // also on failure: the framework is stopped next, which must not race the server's start
            Throwable failure = serverStart == null ? null : serverStart.finish(started);
            if (failure != null) {
                failures.putIfAbsent(server.getBundleId(), failure);
            }
        }
        for (Bundle bundle : bundles) {
            requireStarted(bundle, failures.get(bundle.getBundleId()));
        }
    }

    /**
     * A framework, initialised on the cache (emptied first when {@code clean}); null when it could not initialise on
     * a kept cache (then the caller starts over with a clean one). Never null when {@code clean}.
     */
    private static Platform init(LaunchConfig config, BuildInfo build, FrameworkCache cache, boolean clean)
            throws LaunchException {
        Map<String, String> properties = frameworkProperties(config, build);
        properties.put(Constants.FRAMEWORK_STORAGE, cache.storage().toString());
        if (clean) {
            properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        }
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new LaunchException(LaunchException.STARTUP, "no OSGi framework on the class path (lib/ is incomplete)"));
        Framework framework = factory.newFramework(properties);
        try {
            framework.init();
            return new Platform(framework, cache);
        } catch (BundleException | RuntimeException e) {
            if (clean) {
                throw new LaunchException(LaunchException.STARTUP, "the OSGi framework did not start: " + e.getMessage(), e);
            }
            new Platform(framework, cache).stop();
            return null;
        }
    }

    private void rememberCache() {
        try {
            cache.remember();
        } catch (IOException e) {
            LOG.warn("Cannot note that the framework cache in {} is complete; the next start rebuilds it: {}",
                    cache.storage(), e.getMessage());
        }
    }

    static Map<String, String> frameworkProperties(LaunchConfig config, BuildInfo build) {
        Map<String, String> properties = new HashMap<>();
        // proeftuin.properties first, so that the settings below, which the launcher owns, win
        config.settings().stringPropertyNames().forEach(key -> properties.put(key, config.settings().getProperty(key)));
        properties.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, build.systemPackagesExtra());
        properties.put("org.osgi.service.http.port", String.valueOf(config.port()));
        properties.put("org.apache.felix.http.host", config.host());
        properties.put("org.apache.felix.http.jetty.sendServerHeader", "false");
        properties.put("felix.log.level", "2");
        properties.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, "2");
        // pilots installed later by the deployer start with the rest of the platform
        properties.put("felix.startlevel.bundle", "2");
        properties.put("ds.loglevel", "warn");
        // settings come from conf/*.cfg at every start (nl.proeftuin.config); none may linger in the kept cache
        properties.put("felix.cm.pm", "memory");
        properties.put("proeftuin.version", build.version());
        properties.put("proeftuin.home", config.home().toString());
        properties.put("proeftuin.deploy", config.deployDir().toString());
        properties.put("proeftuin.data", config.dataDir().toString());
        properties.put("proeftuin.conf", config.confDir().toString());
        return properties;
    }

    /** Settings must be in Configuration Admin before any component starts. */
    private static final Set<String> FIRST = Set.of("org.apache.felix.configadmin", "nl.proeftuin.config");

    private static void markForStart(Bundle bundle) throws LaunchException {
        if (isFragment(bundle)) {
            return;
        }
        // a bundle from a kept cache is marked already: writing the same again would only cost time
        BundleStartLevel startLevel = bundle.adapt(BundleStartLevel.class);
        int level = FIRST.contains(bundle.getSymbolicName()) ? 1 : 2;
        if (startLevel.getStartLevel() != level) {
            startLevel.setStartLevel(level);
        }
        if (startLevel.isPersistentlyStarted() && !startLevel.isActivationPolicyUsed()) {
            return;
        }
        try {
            bundle.start(); // before framework.start() this only marks the bundle to be started at its level
        } catch (BundleException e) {
            throw new LaunchException(LaunchException.STARTUP,
                    "core bundle " + bundle.getSymbolicName() + " cannot be started: " + e.getMessage(), e);
        }
    }

    private static void requireStarted(Bundle bundle, Throwable failure) throws LaunchException {
        if (isFragment(bundle) || bundle.getState() == Bundle.ACTIVE) {
            return;
        }
        String reason = failure == null ? "it is " + stateName(bundle.getState())
                : failure.getMessage() != null ? failure.getMessage() : failure.getClass().getName();
        throw new LaunchException(LaunchException.STARTUP, "core bundle " + bundle.getSymbolicName() + " did not start: " + reason, failure);
    }

    private static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
    }

    private static String stateName(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "installed but not resolved";
            case Bundle.RESOLVED -> "resolved but not started";
            case Bundle.STARTING -> "still starting";
            default -> "in state " + state;
        };
    }

    private void awaitHttp(LaunchConfig config) throws LaunchException {
        ServiceTracker<Object, Object> tracker;
        try {
            tracker = new ServiceTracker<>(framework.getBundleContext(),
                    framework.getBundleContext().createFilter("(objectClass=" + HTTP_RUNTIME + ")"), null);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        tracker.open(true);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HTTP_TIMEOUT_MS);
        try {
            if (tracker.waitForService(HTTP_TIMEOUT_MS) == null) {
                throw new LaunchException(LaunchException.STARTUP,
                        "the HTTP server did not start on " + config.host() + ":" + config.port() + " within "
                                + HTTP_TIMEOUT_MS / 1000 + " s; see data/log/proeftuin.log");
            }
            URI health = URI.create("http://" + loopbackFor(config.host()) + ":" + config.port() + "/api/health");
            while (System.nanoTime() < deadline) {
                if (answers(health)) {
                    return;
                }
                Thread.sleep(20);
            }
            throw new LaunchException(LaunchException.STARTUP,
                    health + " did not answer within " + HTTP_TIMEOUT_MS / 1000 + " s; see data/log/proeftuin.log");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException(LaunchException.STARTUP, "start-up was interrupted");
        } finally {
            tracker.close();
        }
    }

    private static String loopbackFor(String host) {
        if (host.equals("0.0.0.0")) {
            return "127.0.0.1";
        }
        return host.equals("::") || host.contains(":") ? "[::1]" : host;
    }

    private static boolean answers(URI uri) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(2000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** Blocks until the framework has stopped, for whatever reason. */
    void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    /** Stops the framework and waits for it; safe to call more than once and from any thread. */
    void stop() {
        try {
            if ((framework.getState() & (Bundle.ACTIVE | Bundle.STARTING | Bundle.RESOLVED | Bundle.INSTALLED)) != 0) {
                framework.stop();
            }
            FrameworkEvent event = framework.waitForStop(STOP_TIMEOUT_MS);
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                LOG.warn("The framework did not stop within {} s", STOP_TIMEOUT_MS / 1000);
            }
        } catch (BundleException e) {
            LOG.warn("Stopping the framework failed: {}", e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The framework's own context, to find services of the core bundles from outside the framework. */
    BundleContext context() {
        return framework.getBundleContext();
    }

    int activeBundles() {
        int active = 0;
        for (Bundle bundle : framework.getBundleContext().getBundles()) {
            if (bundle.getState() == Bundle.ACTIVE) {
                active++;
            }
        }
        return active;
    }
}
