package nl.proeftuin.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/**
 * The bundle cache across starts, on a real framework with small bundles: kept while {@code system/} stays the
 * same, rebuilt when it changes, and never the place a pilot survives from.
 */
class PlatformCacheTest {

    private static final BuildInfo BUILD = new BuildInfo("1.0.0", "2.0.17");

    @TempDir
    Path install;

    @TempDir
    Path home;

    @Test
    void aSecondStartUsesTheBundlesOfTheFirst() throws Exception {
        bundle("core.one", "1.0.0");
        bundle("core.two", "1.0.0");

        Map<String, Long> first = installedAt(start());
        Map<String, Long> second = installedAt(start());

        assertThat(second).as("install times of the second start").isEqualTo(first).containsOnlyKeys("core.one", "core.two");
    }

    @Test
    void aChangedCoreBundleIsPickedUpAtTheNextStart() throws Exception {
        bundle("core.one", "1.0.0");
        bundle("core.two", "1.0.0");
        start().stop();
        Files.delete(install.resolve("system/core.two.jar"));
        bundle("core.two", "2.0.0");
        bundle("core.three", "1.0.0");

        Platform platform = start();
        try {
            assertThat(versions(platform)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                    "core.one", "1.0.0", "core.three", "1.0.0", "core.two", "2.0.0")));
        } finally {
            platform.stop();
        }
    }

    @Test
    void aRemovedCoreBundleIsGoneAtTheNextStart() throws Exception {
        bundle("core.one", "1.0.0");
        bundle("core.two", "1.0.0");
        start().stop();
        Files.delete(install.resolve("system/core.two.jar"));

        Platform platform = start();
        try {
            assertThat(versions(platform)).containsOnlyKeys("core.one");
        } finally {
            platform.stop();
        }
    }

    @Test
    void aPilotFromTheDeployFolderNeverStartsFromTheCache() throws Exception {
        bundle("core.one", "1.0.0");
        Platform platform = start();
        Path pilot = jar(home.resolve("pilot.jar"), "pilot.one", "1.0.0");
        try (var in = Files.newInputStream(pilot)) {
            platform.context().installBundle("proeftuin:deploy/pilot.jar", in).start();
        } finally {
            platform.stop();
        }

        platform = start();
        try {
            assertThat(platform.context().getBundle("proeftuin:deploy/pilot.jar")).as("the pilot, left to the deployer").isNull();
            assertThat(versions(platform)).containsOnlyKeys("core.one");
        } finally {
            platform.stop();
        }
    }

    @Test
    void aCacheThatLostABundleIsRebuilt() throws Exception {
        bundle("core.one", "1.0.0");
        bundle("core.two", "1.0.0");
        Platform platform = start();
        Bundle two = platform.context().getBundle(install.resolve("system/core.two.jar").toUri().toString());
        two.uninstall(); // as if the cache lost it
        platform.stop();

        platform = start();
        try {
            assertThat(versions(platform)).containsOnlyKeys("core.one", "core.two");
            assertThat(platform.activeBundles()).isEqualTo(3);
        } finally {
            platform.stop();
        }
    }

    private Platform start() throws LaunchException {
        LaunchConfig config = new LaunchConfig(install, home, "127.0.0.1", 8080, new Properties());
        return Platform.startWithoutHttp(config, BUILD);
    }

    /** Install time of every bundle but the framework, by symbolic name, after which the platform is stopped. */
    private static Map<String, Long> installedAt(Platform platform) {
        try {
            Map<String, Long> times = new TreeMap<>();
            for (Bundle bundle : platform.context().getBundles()) {
                if (bundle.getBundleId() != 0) {
                    times.put(bundle.getSymbolicName(), bundle.getLastModified());
                }
            }
            return times;
        } finally {
            platform.stop();
        }
    }

    private static Map<String, String> versions(Platform platform) {
        Map<String, String> versions = new TreeMap<>();
        for (Bundle bundle : platform.context().getBundles()) {
            if (bundle.getBundleId() != 0) {
                assertThat(bundle.getState()).as(bundle.getSymbolicName()).isEqualTo(Bundle.ACTIVE);
                versions.put(bundle.getSymbolicName(), bundle.getVersion().toString());
            }
        }
        return versions;
    }

    private void bundle(String symbolicName, String version) throws IOException {
        Files.createDirectories(install.resolve("system"));
        jar(install.resolve("system").resolve(symbolicName + ".jar"), symbolicName, version);
    }

    private static Path jar(Path file, String symbolicName, String version) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return file;
    }
}
