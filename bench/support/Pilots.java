package nl.proeftuin.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * Generated pilot bundles, built like the example pilots: a Declarative Services component that implements
 * {@code nl.proeftuin.api.pilot.Pilot}, compiled here against the distribution's {@code proeftuin-api} JAR, one
 * region per bundle. Each pilot has two opgaven and a given number of KPIs; KPI {@code i} of every pilot carries the
 * standard indicator code {@code bench-indicator-<i>}, so the national roll-ups add up one KPI of every pilot.
 *
 * <p>Not thread-safe: make JARs from one thread.
 */
public final class Pilots {

    /** The first month of generated data; ten years of months run to {@code 2025-12}. */
    public static final YearMonth FIRST_MONTH = YearMonth.of(2016, 1);

    private static final String SOURCE = """
            package bench.pilot;

            import java.io.IOException;
            import java.io.InputStream;
            import java.io.UncheckedIOException;
            import java.time.LocalDate;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.Properties;
            import nl.proeftuin.api.model.DataPoint;
            import nl.proeftuin.api.model.Direction;
            import nl.proeftuin.api.model.Kpi;
            import nl.proeftuin.api.model.Opgave;
            import nl.proeftuin.api.model.Region;
            import nl.proeftuin.api.model.RegionKind;
            import nl.proeftuin.api.model.RollUp;
            import nl.proeftuin.api.model.Theme;
            import nl.proeftuin.api.pilot.Contribution;
            import nl.proeftuin.api.pilot.Pilot;

            /** A generated benchmark pilot; its region and size come from /bench-pilot.properties. */
            public final class BenchPilot implements Pilot {
                private final Contribution contribution;

                public BenchPilot() {
                    Properties p = new Properties();
                    try (InputStream in = BenchPilot.class.getResourceAsStream("/bench-pilot.properties")) {
                        p.load(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    String id = p.getProperty("region");
                    int kpiCount = Integer.parseInt(p.getProperty("kpis"));
                    Region region = new Region(id, p.getProperty("name"), RegionKind.REGIO, List.of(), null);
                    List<Opgave> opgaven = List.of(
                            new Opgave(id + "-energie", id, "Energietransitie", Theme.ENERGIETRANSITIE, "", "bench", List.of()),
                            new Opgave(id + "-wonen", id, "Wonen", Theme.WONEN, "", "bench", List.of()));
                    List<Kpi> kpis = new ArrayList<>();
                    for (int i = 0; i < kpiCount; i++) {
                        kpis.add(new Kpi(id + "-kpi-" + i, opgaven.get(i % 2).id(), "Indicator " + i, "stuks",
                                Direction.HIGHER_IS_BETTER, new DataPoint(LocalDate.of(2016, 1, 1), 0),
                                List.of(new DataPoint(LocalDate.of(2030, 12, 31), 1000 + 10 * i)), RollUp.SUM,
                                "bench-indicator-" + i, null));
                    }
                    contribution = new Contribution(region, opgaven, kpis, List.of());
                }

                @Override
                public Contribution contribution() {
                    return contribution;
                }
            }
            """;

    private static final String COMPONENT_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="bench.pilot.BenchPilot">
              <service>
                <provide interface="nl.proeftuin.api.pilot.Pilot"/>
              </service>
              <implementation class="bench.pilot.BenchPilot"/>
            </scr:component>
            """;

    private final byte[] pilotClass;

    private Pilots(byte[] pilotClass) {
        this.pilotClass = pilotClass;
    }

    /**
     * Compiles the pilot class against a distribution's API bundle.
     *
     * @param home a distribution (copy) whose {@code system/} holds {@code proeftuin-api-*.jar}
     * @param work a scratch folder
     * @return the factory
     * @throws IOException if the API JAR is missing or the source does not compile against it
     */
    public static Pilots compile(Path home, Path work) throws IOException {
        Path api;
        try (Stream<Path> files = Files.list(home.resolve("system"))) {
            api = files.filter(f -> f.getFileName().toString().matches("proeftuin-api-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IOException("no proeftuin-api JAR in " + home.resolve("system")));
        }
        Path src = Files.createDirectories(work.resolve("pilot-src/bench/pilot")).resolve("BenchPilot.java");
        Files.writeString(src, SOURCE);
        Path classes = Files.createDirectories(work.resolve("pilot-classes"));
        var compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IOException("this Java has no compiler: run the benchmarks with a JDK");
        }
        int exit = compiler.run(null, null, null, "--release", "17", "-d", classes.toString(), "-cp", api.toString(),
                src.toString());
        if (exit != 0) {
            throw new IOException("the generated pilot does not compile against " + api);
        }
        return new Pilots(Files.readAllBytes(classes.resolve("bench/pilot/BenchPilot.class")));
    }

    /**
     * The region id of generated pilot {@code n}.
     *
     * @param n the number, from 1
     * @return e.g. {@code bench-007}
     */
    public static String region(int n) {
        return String.format("bench-%03d", n);
    }

    /**
     * The KPI ids of a generated pilot.
     *
     * @param region its region id
     * @param kpis how many KPIs it has
     * @return the ids
     */
    public static List<String> kpiIds(String region, int kpis) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < kpis; i++) {
            ids.add(region + "-kpi-" + i);
        }
        return ids;
    }

    /**
     * A pilot bundle.
     *
     * @param region the region id (and {@code Proeftuin-Region})
     * @param version the bundle version
     * @param name the region's name
     * @param kpis how many KPIs
     * @return the JAR's bytes
     */
    public byte[] jar(String region, String version, String name, int kpis) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "bench.pilot." + region);
        main.putValue("Bundle-Version", version);
        main.putValue("Bundle-Name", "Bench pilot " + region);
        main.putValue("Proeftuin-Region", region);
        main.putValue("Import-Package", "nl.proeftuin.api.model;version=\"[1.0,2)\","
                + "nl.proeftuin.api.pilot;version=\"[1.0,2)\"");
        main.putValue("Service-Component", "OSGI-INF/bench.pilot.BenchPilot.xml");
        main.putValue("Require-Capability", "osgi.extender;filter:=\"(&(osgi.extender=osgi.component)"
                + "(version>=1.3.0)(!(version>=2.0.0)))\"");
        String properties = "region=" + region + "\nname=" + name + "\nkpis=" + kpis + "\n";
        return Jars.jar(manifest, List.of(
                new Jars.Entry("OSGI-INF/bench.pilot.BenchPilot.xml", COMPONENT_XML.getBytes(StandardCharsets.UTF_8)),
                new Jars.Entry("bench/pilot/BenchPilot.class", pilotClass),
                new Jars.Entry("bench-pilot.properties", properties.getBytes(StandardCharsets.ISO_8859_1))));
    }

    /**
     * Writes pilots {@code 1..count} into a folder (before a start, or while running).
     *
     * @param deploy the folder
     * @param count how many
     * @param kpis KPIs per pilot
     * @throws IOException if they cannot be written
     */
    public void writeAll(Path deploy, int count, int kpis) throws IOException {
        for (int n = 1; n <= count; n++) {
            String region = region(n);
            Jars.writeThenRename(deploy.resolve(region + ".jar"), jar(region, "1.0.0", "Bench " + n, kpis));
        }
    }

    /**
     * Monthly measurements of one KPI as CSV with the header {@code period,value,source}.
     *
     * @param months how many months from {@link #FIRST_MONTH}
     * @param seed makes the series differ per KPI
     * @return the CSV
     */
    public static byte[] monthlyCsv(int months, int seed) {
        StringBuilder csv = new StringBuilder(months * 24 + 32).append("period,value,source\n");
        YearMonth month = FIRST_MONTH;
        for (int i = 0; i < months; i++) {
            // a rising series with some spread between KPIs, so statuses differ
            double value = Math.round((i * (4.0 + seed % 7)) * 10) / 10.0;
            csv.append(month).append(',').append(value).append(",bench\n");
            month = month.plusMonths(1);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Writing JARs. */
    public static final class Jars {

        /**
         * An entry of a JAR.
         *
         * @param name its path in the JAR
         * @param content its bytes
         */
        public record Entry(String name, byte[] content) {
        }

        private Jars() {
        }

        /**
         * A JAR with a manifest and entries; entry times are fixed, so the same input gives the same bytes.
         *
         * @param manifest the manifest
         * @param entries the entries
         * @return the bytes
         */
        public static byte[] jar(Manifest manifest, List<Entry> entries) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
                for (Entry entry : entries) {
                    JarEntry jarEntry = new JarEntry(entry.name());
                    jarEntry.setTime(0);
                    out.putNextEntry(jarEntry);
                    out.write(entry.content());
                    out.closeEntry();
                }
            } catch (IOException e) {
                throw new IllegalStateException("writing a JAR in memory failed", e);
            }
            return bytes.toByteArray();
        }

        /**
         * Writes a file in a staging folder beside the target's folder (same file system), then renames it into place
         * in one step, so that a watcher never sees half a JAR nor a temporary file.
         *
         * @param target the file
         * @param content its bytes
         * @throws IOException if it cannot be written
         */
        public static void writeThenRename(Path target, byte[] content) throws IOException {
            Path staging = Files.createDirectories(target.toAbsolutePath().getParent().resolveSibling(".bench-staging"));
            Path temp = Files.createTempFile(staging, "incoming-", ".tmp");
            Files.write(temp, content);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
