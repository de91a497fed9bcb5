package nl.proeftuin.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;

/**
 * The core bundles of {@code system/} in the framework: found, installed into an empty bundle cache, or taken over
 * from the cache of an earlier start.
 *
 * <p>Stateless; called by the thread that starts the platform, before the framework starts.
 */
final class CoreBundles {

    /** The bundle that opens the HTTP port (Felix HTTP on Jetty 12). */
    static final String HTTP_SERVER = "org.apache.felix.http.jetty12";
    /** How a bundle that needs the HTTP whiteboard says so in Require-Capability. */
    private static final String HTTP_IMPLEMENTATION = "osgi.implementation=osgi.http";
    /** Where the deployer installs pilots from ({@code nl.proeftuin.deployer}); such bundles are not core. */
    private static final String DEPLOYED_LOCATION_PREFIX = "proeftuin:deploy/";

    private CoreBundles() {
    }

    /**
     * The JARs of {@code system/}, in name order.
     *
     * @param systemDir the distribution's {@code system/}
     * @param http false to leave out the HTTP server and the bundles that cannot resolve without it
     * @throws LaunchException when there are none or they cannot be read
     */
    static List<Path> jars(Path systemDir, boolean http) throws LaunchException {
        List<Path> jars;
        try (Stream<Path> files = Files.list(systemDir)) {
            jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new LaunchException(LaunchException.STARTUP, "cannot read the core bundles in " + systemDir + ": " + e.getMessage(), e);
        }
        if (jars.isEmpty()) {
            throw new LaunchException(LaunchException.STARTUP, "no core bundles in " + systemDir + " (the distribution is incomplete)");
        }
        if (http) {
            return jars;
        }
        List<Path> withoutHttp = new ArrayList<>();
        for (Path jar : jars) {
            Attributes manifest = manifest(jar);
            if (!HTTP_SERVER.equals(symbolicName(manifest))
                    && !String.valueOf(manifest.getValue(Constants.REQUIRE_CAPABILITY)).contains(HTTP_IMPLEMENTATION)) {
                withoutHttp.add(jar);
            }
        }
        return withoutHttp;
    }

    /**
     * What a bundle cache depends on: the framework and the launcher on the class path ({@code lib/}), and the core
     * bundles.
     *
     * @param installDir the distribution folder
     * @param coreJars the core bundles, from {@link #jars}
     * @throws LaunchException when {@code lib/} cannot be read
     */
    static List<Path> withClassPath(Path installDir, List<Path> coreJars) throws LaunchException {
        List<Path> all = new ArrayList<>();
        Path lib = installDir.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> files = Files.list(lib)) {
                files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(all::add);
            } catch (IOException e) {
                throw new LaunchException(LaunchException.STARTUP, "cannot read " + lib + ": " + e.getMessage(), e);
            }
        }
        all.addAll(coreJars);
        return all;
    }

    /**
     * Installs the core bundles into an empty cache, the HTTP server last: the framework starts the bundles of one
     * start level in the order they were installed, and must not reach the server, which starts on a thread of its
     * own (see {@link HttpServerStart}), before everything else.
     *
     * @param context the framework's context
     * @param jars the core bundles, from {@link #jars}
     * @return the installed bundles
     * @throws LaunchException naming the JAR that cannot be installed
     */
    static List<Bundle> install(BundleContext context, List<Path> jars) throws LaunchException {
        List<Bundle> bundles = new ArrayList<>();
        Path serverJar = null;
        for (Path jar : jars) {
            Bundle bundle = install(context, jar);
            if (HTTP_SERVER.equals(bundle.getSymbolicName()) && !jar.equals(jars.get(jars.size() - 1))) {
                serverJar = jar;
                try {
                    bundle.uninstall();
                } catch (BundleException e) {
                    throw cannotInstall(jar, e);
                }
            } else {
                bundles.add(bundle);
            }
        }
        if (serverJar != null) {
            bundles.add(install(context, serverJar));
        }
        return bundles;
    }

    /**
     * The core bundles that the cache of an earlier start holds, or null when it does not hold exactly those of
     * {@code jars} (then the cache is rebuilt). Pilots that the cache still holds are uninstalled: the deployer
     * installs what {@code deploy/} holds now, so a pilot removed while the platform was down never runs again, not
     * even for a moment.
     *
     * @param context the framework's context, initialised on the kept cache
     * @param jars the core bundles, from {@link #jars}
     * @return the core bundles in the order of {@code jars}, or null
     */
    static List<Bundle> adopt(BundleContext context, List<Path> jars) {
        Map<String, Bundle> byLocation = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getBundleId() != 0) {
                byLocation.put(bundle.getLocation(), bundle);
            }
        }
        List<Bundle> core = new ArrayList<>();
        for (Path jar : jars) {
            Bundle bundle = byLocation.remove(location(jar));
            if (bundle == null) {
                return null;
            }
            core.add(bundle);
        }
        for (Bundle rest : byLocation.values()) {
            if (!rest.getLocation().startsWith(DEPLOYED_LOCATION_PREFIX)) {
                return null;
            }
        }
        try {
            for (Bundle pilot : byLocation.values()) {
                pilot.uninstall();
            }
        } catch (BundleException | RuntimeException e) {
            return null;
        }
        return core;
    }

    private static Bundle install(BundleContext context, Path jar) throws LaunchException {
        try (InputStream in = Files.newInputStream(jar)) {
            return context.installBundle(location(jar), in);
        } catch (BundleException | IOException e) {
            throw cannotInstall(jar, e);
        }
    }

    private static LaunchException cannotInstall(Path jar, Exception e) {
        return new LaunchException(LaunchException.STARTUP, "core bundle " + jar.getFileName() + " cannot be installed: " + e.getMessage(), e);
    }

    private static String location(Path jar) {
        return jar.toUri().toString();
    }

    /** The main attributes of the manifest of a JAR in {@code system/} (empty when it has none). */
    private static Attributes manifest(Path jar) throws LaunchException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            return manifest == null ? new Attributes() : manifest.getMainAttributes();
        } catch (IOException e) {
            throw new LaunchException(LaunchException.STARTUP, "core bundle " + jar.getFileName() + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static String symbolicName(Attributes manifest) {
        String header = manifest.getValue(Constants.BUNDLE_SYMBOLICNAME);
        return header == null ? null : header.split(";", 2)[0].strip();
    }
}
