package nl.proeftuin.itest.fault;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import nl.proeftuin.itest.fault.fixture.FaultFeed;
import nl.proeftuin.itest.fault.fixture.FaultPilot;
import nl.proeftuin.itest.fault.fixture.MetaspaceBallast00;

/**
 * Pilot bundles for the fault tests, built at test time: the classes of {@code nl.proeftuin.itest.fault.fixture}
 * copied from the tests bundle and a {@code fault.properties} that says what the pilot contributes and how its data
 * feed behaves. Symbolic name {@code nl.proeftuin.fault.<region>}.
 */
final class FaultJars {

    private static final List<Class<?>> CLASSES = List.of(FaultPilot.class, FaultFeed.class);
    private static final String BALLAST_NAME = MetaspaceBallast00.class.getSimpleName();
    private static final String BALLAST_PATH = MetaspaceBallast00.class.getName().replace('.', '/') + ".class";
    private static final String IMPORTS = "nl.proeftuin.api.model;version=\"[1.0,2)\","
            + "nl.proeftuin.api.pilot;version=\"[1.0,2)\",nl.proeftuin.api.screen;version=\"[1.0,2)\","
            + "org.osgi.framework;version=\"[1.8,2)\"";

    private final String region;
    private String version = "1.0.0";
    private final Properties settings = new Properties();

    private FaultJars(String region) {
        this.region = region;
        settings.setProperty("region", region);
        settings.setProperty("regionName", "Regio " + region);
        settings.setProperty("feed", "none");
    }

    /**
     * A pilot for a region, version 1.0.0, without a feed.
     *
     * @param region the region it declares and contributes
     * @return a builder to vary it
     */
    static FaultJars pilot(String region) {
        return new FaultJars(region);
    }

    FaultJars version(String bundleVersion) {
        this.version = bundleVersion;
        settings.setProperty("regionName", "Regio " + region + " " + bundleVersion);
        return this;
    }

    /** A data feed in one of the modes of {@link FaultFeed}, asking to be called every {@code interval} seconds. */
    FaultJars feed(String mode, long intervalSeconds) {
        settings.setProperty("feed", mode);
        settings.setProperty("feedIntervalSeconds", String.valueOf(intervalSeconds));
        return this;
    }

    /** A page of the pilot's own ({@link FaultPilot#PAGE}): a text that is the region's name, so it names the version. */
    FaultJars page() {
        settings.setProperty("page", "true");
        return this;
    }

    /** Heap that each revision of the pilot holds through its class loader. */
    FaultJars ballast(int bytes) {
        settings.setProperty("ballastBytes", String.valueOf(bytes));
        return this;
    }

    /** How many copies of {@link MetaspaceBallast00} (at most 100) the pilot carries and loads: Metaspace per revision. */
    FaultJars classBallast(int copies) {
        if (copies < 0 || copies > 100) {
            throw new IllegalArgumentException("classBallast: expected 0 to 100 copies, got " + copies);
        }
        settings.setProperty("classBallast", String.valueOf(copies));
        return this;
    }

    String symbolicName() {
        return "nl.proeftuin.fault." + region;
    }

    String region() {
        return region;
    }

    String version() {
        return version;
    }

    String kpi() {
        return region + "-kpi";
    }

    /** The region's name in the catalogue, which tells the versions apart. */
    String regionName() {
        return settings.getProperty("regionName");
    }

    private static byte[] classBytes(Class<?> type) throws IOException {
        String path = type.getName().replace('.', '/') + ".class";
        try (InputStream in = FaultJars.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not in the tests bundle");
            }
            return in.readAllBytes();
        }
    }

    /**
     * The class file with every occurrence of the name's last two characters ({@code 00}) replaced: the names in its
     * constant pool keep their length, so the result is a valid class of another name.
     */
    private static byte[] renamed(byte[] classFile, String suffix) {
        byte[] from = BALLAST_NAME.getBytes(StandardCharsets.US_ASCII);
        byte[] to = BALLAST_NAME.replace("00", suffix).getBytes(StandardCharsets.US_ASCII);
        byte[] copy = classFile.clone();
        for (int i = 0; i + from.length <= copy.length; i++) {
            if (Arrays.equals(copy, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, copy, i, to.length);
            }
        }
        return copy;
    }

    byte[] build() {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName());
        main.putValue("Bundle-Version", version);
        main.putValue("Bundle-Name", "Fault test pilot " + region);
        main.putValue("Proeftuin-Region", region);
        main.putValue("Bundle-Activator", FaultPilot.class.getName());
        main.putValue("Import-Package", IMPORTS);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (Class<?> type : CLASSES) {
                jar.putNextEntry(new ZipEntry(type.getName().replace('.', '/') + ".class"));
                jar.write(classBytes(type));
                jar.closeEntry();
            }
            int copies = Integer.parseInt(settings.getProperty("classBallast", "0"));
            byte[] ballast = copies == 0 ? null : classBytes(MetaspaceBallast00.class);
            for (int i = 0; i < copies; i++) {
                String suffix = String.format("%02d", i);
                jar.putNextEntry(new ZipEntry(BALLAST_PATH.replace("00.class", suffix + ".class")));
                jar.write(renamed(ballast, suffix));
                jar.closeEntry();
            }
            if (Boolean.parseBoolean(settings.getProperty("page", "false"))) {
                jar.putNextEntry(new ZipEntry("page/" + FaultPilot.PAGE_ENTRY));
                jar.write(regionName().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
            jar.putNextEntry(new ZipEntry("fault.properties"));
            settings.store(jar, "what this fault-test pilot contributes and how its feed behaves");
            jar.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
