package nl.proeftuin.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;

/**
 * Probe bundles for the peers (Karaf, plain FileInstall): a bundle whose activator, the moment it starts, writes
 * {@code System.nanoTime()} and its own version to a marker file named in the bundle. The bundle is ACTIVE as soon
 * as the activator returns, so the marker dates "active" to well under a millisecond, without polling the
 * framework. On Linux {@code System.nanoTime()} is the system's monotonic clock, the same in every JVM on the
 * machine, so the benchmark subtracts its own drop time from the marker's.
 *
 * <p>Not thread-safe: make JARs from one thread.
 */
public final class Probes {

    private static final String SOURCE = """
            package bench.probe;

            import java.io.InputStream;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.nio.file.StandardCopyOption;
            import java.util.Properties;
            import org.osgi.framework.BundleActivator;
            import org.osgi.framework.BundleContext;

            /** Writes when it started, and its version, to the marker file named in /probe.properties. */
            public final class Probe implements BundleActivator {
                @Override
                public void start(BundleContext context) throws Exception {
                    long now = System.nanoTime();
                    Properties p = new Properties();
                    try (InputStream in = Probe.class.getResourceAsStream("/probe.properties")) {
                        p.load(in);
                    }
                    Path marker = Path.of(p.getProperty("marker"));
                    Path temp = marker.resolveSibling(marker.getFileName() + ".tmp");
                    Files.writeString(temp, now + " " + context.getBundle().getVersion());
                    Files.move(temp, marker, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }

                @Override
                public void stop(BundleContext context) {
                }
            }
            """;

    private final byte[] probeClass;

    private Probes(byte[] probeClass) {
        this.probeClass = probeClass;
    }

    /**
     * Compiles the probe's activator.
     *
     * @param osgiJar a JAR with {@code org.osgi.framework}, e.g. the Felix framework
     * @param work a scratch folder
     * @return the factory
     * @throws IOException if it does not compile
     */
    public static Probes compile(Path osgiJar, Path work) throws IOException {
        Path src = Files.createDirectories(work.resolve("probe-src/bench/probe")).resolve("Probe.java");
        Files.writeString(src, SOURCE);
        Path classes = Files.createDirectories(work.resolve("probe-classes"));
        var compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IOException("this Java has no compiler: run the benchmarks with a JDK");
        }
        if (compiler.run(null, null, null, "--release", "17", "-d", classes.toString(), "-cp", osgiJar.toString(),
                src.toString()) != 0) {
            throw new IOException("the probe bundle does not compile against " + osgiJar);
        }
        return new Probes(Files.readAllBytes(classes.resolve("bench/probe/Probe.class")));
    }

    /**
     * A probe bundle.
     *
     * @param symbolicName its symbolic name
     * @param version its version
     * @param marker the file its activator writes
     * @return the JAR's bytes
     */
    public byte[] jar(String symbolicName, String version, Path marker) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        main.putValue("Bundle-Activator", "bench.probe.Probe");
        main.putValue("Import-Package", "org.osgi.framework;version=\"[1.8,2)\"");
        String properties = "marker=" + marker.toAbsolutePath().toString().replace("\\", "\\\\") + "\n";
        return Pilots.Jars.jar(manifest, List.of(new Pilots.Jars.Entry("bench/probe/Probe.class", probeClass),
                new Pilots.Jars.Entry("probe.properties", properties.getBytes(StandardCharsets.ISO_8859_1))));
    }

    /**
     * Reads a marker: when the probe started, if it is there and written by the wanted version.
     *
     * @param marker the file
     * @param version the version that must have written it
     * @return the probe's {@code System.nanoTime()} at start, or -1 when not (yet) written by that version
     */
    public static long startedNanos(Path marker, String version) {
        try {
            String[] parts = Files.readString(marker).trim().split(" ");
            return parts.length == 2 && parts[1].equals(version) ? Long.parseLong(parts[0]) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
