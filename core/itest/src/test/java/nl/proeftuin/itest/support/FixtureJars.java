package nl.proeftuin.itest.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.proeftuin.itest.fixture.FailingComponent;
import nl.proeftuin.itest.fixture.FixtureActivator;
import nl.proeftuin.itest.fixture.FixturePilot;

/**
 * Builds pilot bundles (and broken files) at test time with {@code java.util.jar}: a manifest, the classes of
 * {@code nl.proeftuin.itest.fixture} copied from the tests bundle, and a {@code fixture.properties} that says what the
 * pilot contributes and how it misbehaves.
 */
public final class FixtureJars {

    /** The package a generated bundle imports but nobody exports, until {@link #library} exports it. */
    public static final String MISSING_PACKAGE = "com.example.missing";

    private static final List<Class<?>> FIXTURE_CLASSES = List.of(FixtureActivator.class, FixturePilot.class,
            FailingComponent.class);
    private static final List<String> API_IMPORTS = List.of(
            "nl.proeftuin.api.model;version=\"[1.0,2)\"",
            "nl.proeftuin.api.pilot;version=\"[1.0,2)\"",
            "nl.proeftuin.api.screen;version=\"[1.0,2)\"",
            "org.osgi.framework;version=\"[1.8,2)\"");

    /** The page of a pilot built with {@link Builder#page()}: a document with a script and a style sheet of its own. */
    public static final String PAGE_HTML = "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">"
            + "<title>Eigen pagina</title><link rel=\"stylesheet\" href=\"page.css\">"
            + "<script src=\"page.js\" defer></script></head><body><h1>Eigen pagina</h1></body></html>\n";

    private FixtureJars() {
    }

    /**
     * A pilot bundle for a region: symbolic name {@code nl.proeftuin.fixture.<regionId>}, version 1.0.0, one opgave
     * and one KPI, registered by its activator.
     *
     * @param regionId the region it declares and contributes
     * @return a builder to vary it
     */
    public static Builder pilot(String regionId) {
        Builder builder = new Builder("nl.proeftuin.fixture." + regionId);
        builder.region = regionId;
        builder.activator = true;
        builder.settings.setProperty("regionId", regionId);
        return builder;
    }

    /**
     * A plain library bundle: no region, no activator, no pilot.
     *
     * @param symbolicName its symbolic name
     * @return a builder to vary it
     */
    public static Builder library(String symbolicName) {
        Builder builder = new Builder(symbolicName);
        builder.settings.setProperty("registerPilot", "false");
        return builder;
    }

    /** Describes one generated bundle. */
    public static final class Builder {
        private String symbolicName;
        private String version = "1.0.0";
        private String region;
        private boolean activator;
        private final Properties settings = new Properties();
        private final List<String> extraImports = new ArrayList<>();
        private final List<String> exports = new ArrayList<>();
        private String componentName;
        private boolean page;

        private Builder(String symbolicName) {
            this.symbolicName = symbolicName;
        }

        public Builder symbolicName(String name) {
            this.symbolicName = name;
            return this;
        }

        public Builder version(String bundleVersion) {
            this.version = bundleVersion;
            return this;
        }

        /** The region's name; a "version label" in it makes an update visible in the catalogue. */
        public Builder regionName(String name) {
            settings.setProperty("regionName", name);
            return this;
        }

        public Builder kpis(int count) {
            settings.setProperty("kpis", String.valueOf(count));
            return this;
        }

        public Builder theme(String themeId) {
            settings.setProperty("theme", themeId);
            return this;
        }

        public Builder standardCode(String code) {
            settings.setProperty("standardCode", code);
            return this;
        }

        public Builder lessons(int count) {
            settings.setProperty("lessons", String.valueOf(count));
            return this;
        }

        /** The activator throws an IllegalStateException with this message. */
        public Builder throwInActivator(String message) {
            settings.setProperty("throwInActivator", message);
            return this;
        }

        /** Adds a KPI that refers to an opgave the pilot does not contribute, so the registry refuses it. */
        public Builder invalidContribution() {
            settings.setProperty("invalidContribution", "true");
            return this;
        }

        /** The activator registers no pilot service. */
        public Builder noPilot() {
            settings.setProperty("registerPilot", "false");
            return this;
        }

        /**
         * Adds a page screen of the pilot's own (FixturePilot#PAGE): {@code web/index.html} ({@link #PAGE_HTML}) with
         * {@code web/page.js} and {@code web/page.css}.
         */
        public Builder page() {
            settings.setProperty("page", "true");
            this.page = true;
            return this;
        }

        /** Imports {@link #MISSING_PACKAGE} (version [1.0,2)), which no bundle exports. */
        public Builder importingMissingPackage() {
            extraImports.add(MISSING_PACKAGE + ";version=\"[1.0,2)\"");
            return this;
        }

        /**
         * Lists {@code org.osgi.framework} twice in Import-Package: the JAR and its manifest look fine, but the
         * framework refuses to install it ("Duplicate import").
         */
        public Builder refusedByTheFramework() {
            String twice = "org.osgi.framework;version=\"[1.8,2)\"";
            extraImports.add(twice);
            extraImports.add(twice);
            return this;
        }

        /** Exports {@link #MISSING_PACKAGE} at version 1.0.0. */
        public Builder exportingMissingPackage() {
            exports.add(MISSING_PACKAGE + ";version=\"1.0.0\"");
            return this;
        }

        /** Adds a Declarative Services component with this name whose activate method throws. */
        public Builder failingComponent(String name) {
            this.componentName = name;
            return this;
        }

        public String symbolicName() {
            return symbolicName;
        }

        public String version() {
            return version;
        }

        public String regionId() {
            return region;
        }

        /** The name the deployer gives an uploaded copy: the symbolic name with {@code .jar}. */
        public String fileName() {
            return symbolicName + ".jar";
        }

        /** The id of the n-th KPI (from 1) the pilot contributes. */
        public String kpiId(int n) {
            return region + "-kpi-" + n;
        }

        public String opgaveId() {
            return region + "-opgave";
        }

        public byte[] build() {
            Manifest manifest = new Manifest();
            Attributes main = manifest.getMainAttributes();
            main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            main.putValue("Bundle-ManifestVersion", "2");
            main.putValue("Bundle-SymbolicName", symbolicName);
            main.putValue("Bundle-Version", version);
            main.putValue("Bundle-Name", "Fixture " + symbolicName);
            if (region != null) {
                main.putValue("Proeftuin-Region", region);
            }
            List<String> imports = new ArrayList<>();
            if (activator) {
                main.putValue("Bundle-Activator", FixtureActivator.class.getName());
                imports.addAll(API_IMPORTS);
            }
            imports.addAll(extraImports);
            if (!imports.isEmpty()) {
                main.putValue("Import-Package", String.join(",", imports));
            }
            if (!exports.isEmpty()) {
                main.putValue("Export-Package", String.join(",", exports));
            }
            Map<String, byte[]> entries = new LinkedHashMap<>(classes());
            entries.put("fixture.properties", properties(settings));
            if (componentName != null) {
                String descriptor = "OSGI-INF/" + componentName + ".xml";
                main.putValue("Service-Component", descriptor);
                entries.put(descriptor, componentXml(componentName).getBytes(StandardCharsets.UTF_8));
            }
            if (page) {
                entries.put("web/index.html", PAGE_HTML.getBytes(StandardCharsets.UTF_8));
                entries.put("web/page.js", "document.body.dataset.loaded = 'ja';\n".getBytes(StandardCharsets.UTF_8));
                entries.put("web/page.css", "h1 { color: #154273; }\n".getBytes(StandardCharsets.UTF_8));
            }
            if (!exports.isEmpty()) {
                entries.put(MISSING_PACKAGE.replace('.', '/') + "/package.txt",
                        "a package for resolution tests".getBytes(StandardCharsets.UTF_8));
            }
            return jar(manifest, entries);
        }
    }

    /**
     * A file that is not a ZIP at all.
     *
     * @return text bytes
     */
    public static byte[] notAZip() {
        return "This is a text file with a .jar name, not a JAR.\n".getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A file of zero bytes.
     *
     * @return no bytes
     */
    public static byte[] empty() {
        return new byte[0];
    }

    /**
     * A valid ZIP with the fixture classes but no META-INF/MANIFEST.MF.
     *
     * @return the ZIP
     */
    public static byte[] withoutManifest() {
        return jar(null, classes());
    }

    /**
     * A JAR whose manifest has no Bundle-SymbolicName: a plain JAR, not a bundle.
     *
     * @return the JAR
     */
    public static byte[] withoutSymbolicName() {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-Version", "1.0.0");
        manifest.getMainAttributes().putValue("Implementation-Title", "a plain jar");
        return jar(manifest, classes());
    }

    /**
     * The first part of a valid JAR, as left by an interrupted copy.
     *
     * @param jar a complete JAR
     * @return its first 60%
     */
    public static byte[] truncated(byte[] jar) {
        return Arrays.copyOf(jar, jar.length * 3 / 5);
    }

    private static Map<String, byte[]> classes() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (Class<?> type : FIXTURE_CLASSES) {
            String path = type.getName().replace('.', '/') + ".class";
            try (InputStream in = FixtureJars.class.getResourceAsStream("/" + path)) {
                if (in == null) {
                    throw new IllegalStateException(path + " is not in the tests bundle");
                }
                entries.put(path, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return entries;
    }

    private static byte[] properties(Properties settings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            settings.store(out, "what this fixture pilot contributes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String componentXml(String name) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"" + name
                + "\" immediate=\"true\" activate=\"activate\">\n"
                + "  <implementation class=\"" + FailingComponent.class.getName() + "\"/>\n"
                + "</scr:component>\n";
    }

    private static byte[] jar(Manifest manifest, Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = manifest == null ? new ZipOutputStream(bytes) : new JarOutputStream(bytes, manifest)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
