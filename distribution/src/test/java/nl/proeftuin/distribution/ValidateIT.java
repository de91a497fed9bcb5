package nl.proeftuin.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import nl.proeftuin.api.pilot.Pilot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleActivator;

/**
 * {@code bin/proeftuin validate}, run as a regional team runs it, against pilots that are each broken in one way.
 * The pilots are made here: a manifest, the class {@code brokenpilot.BrokenPilot} (compiled here from
 * {@code src/test/resources/broken-pilots/}) and a {@code /pilot.properties} that names the mistake.
 */
class ValidateIT {

    /** Generous for a loaded CI machine; a run takes a few seconds. */
    private static final Duration RUN = Duration.ofSeconds(60);
    private static final String CLASS_ENTRY = "brokenpilot/BrokenPilot.class";
    private static final String IMPORTS = "nl.proeftuin.api.model;version=\"[1.0,2)\","
            + "nl.proeftuin.api.pilot;version=\"[1.0,2)\",org.osgi.framework;version=\"[1.8,2)\"";

    @TempDir
    static Path work;
    private static byte[] brokenPilotClass;

    @BeforeAll
    static void compileTheBrokenPilot() throws IOException, URISyntaxException {
        // read from the module (target/proeftuin -> distribution/): a pom-packaged module copies no test resources
        Path sources = RunningPlatform.DIST.toAbsolutePath().getParent().getParent().resolve("src/test/resources/broken-pilots");
        Path classes = Files.createDirectories(work.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK runs the tests (javax.tools)").isNotNull();
        String classPath = location(Pilot.class) + java.io.File.pathSeparator + location(BundleActivator.class);
        StringWriter messages = new StringWriter();
        boolean compiled = javac.getTask(messages, null, null,
                List.of("--release", "17", "-classpath", classPath, "-d", classes.toString()), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)
                        .getJavaFileObjects(sources.resolve("brokenpilot/BrokenPilot.java")))
                .call();
        assertThat(compiled).as("compiling BrokenPilot: %s", messages).isTrue();
        brokenPilotClass = Files.readAllBytes(classes.resolve(CLASS_ENTRY));
    }

    @Test
    void aPilotThatWouldRunIsValid() throws Exception {
        Path jar = write("valid.jar", PilotJar.of("validatie", "1.0.0").bytes());

        Run run = validate(jar);

        assertThat(run.exit).as(run.toString()).isZero();
        assertThat(run.lines()).as(run.toString())
                .containsExactly("test.pilot.validatie 1.0.0 (region validatie): valid — 1 opgave, 1 KPI, 0 screens");
    }

    @Test
    void aPlainJarIsNotABundle() throws Exception {
        Path jar = write("plain.jar", jar(Map.of("Implementation-Title", "gewoon een jar"), Map.of()));

        Run run = validate(jar);

        assertThat(run.exit).as(run.toString()).isEqualTo(1);
        assertThat(run.lines()).as(run.toString()).containsExactly(
                "- The manifest has no Bundle-SymbolicName: this is a plain JAR, not an OSGi bundle. "
                        + "Build it with bnd (bnd-maven-plugin) so that it gets one.",
                "plain.jar is not valid: 1 problem");
    }

    @Test
    void aFileThatIsNotAZipIsNotAJar() throws Exception {
        Path jar = write("pilot.jar", "<html>404 Not Found</html>".getBytes(StandardCharsets.UTF_8));

        Run run = validate(jar);

        assertThat(run.exit).as(run.toString()).isEqualTo(1);
        assertThat(run.lines()).as(run.toString()).containsExactly(
                "- The file is not a JAR: a JAR is a ZIP file, and this one does not start like one.",
                "pilot.jar is not valid: 1 problem");
    }

    @Test
    void aBundleWithoutRegionIsALibraryNotAPilot() throws Exception {
        Map<String, String> manifest = new LinkedHashMap<>();
        manifest.put("Bundle-ManifestVersion", "2");
        manifest.put("Bundle-SymbolicName", "test.library");
        manifest.put("Bundle-Version", "2.1.0");
        Path jar = write("library.jar", jar(manifest, Map.of("test/library/readme.txt", "a library".getBytes(StandardCharsets.UTF_8))));

        Run run = validate(jar);

        assertThat(run.exit).as(run.toString()).isEqualTo(1);
        assertThat(run.problems()).as(run.toString()).singleElement().asString()
                .contains("declares no region", "Proeftuin-Region", "a library, not a pilot");
        assertThat(run.verdict()).isEqualTo("test.library 2.1.0 is not valid: 1 problem");
    }

    @Test
    void aPilotServiceWithoutRegionHeaderIsRefusedByTheRegistry() throws Exception {
        Path jar = write("no-region.jar", pilot("test.pilot.noregion", null, "noregion", "none", IMPORTS));

        Run run = validate(jar);

        assertThat(run.exit).as(run.toString()).isEqualTo(1);
        assertThat(run.problems()).as(run.toString()).singleElement().asString()
                .contains("The bundle declares no region", "Proeftuin-Region: <region-id>");
        assertThat(run.verdict()).isEqualTo("test.pilot.noregion 1.0.0 is not valid: 1 problem");
    }

    @Test
    void anIdThatIsNotASlugIsNamedWithItsField() throws Exception {
        Path jar = write("slug.jar", pilot("test.pilot.slug", "noord-holland", "noord-holland", "region-id-not-a-slug", IMPORTS));

        Run run = validate(jar);

        assertThat(run.exit).as(run.toString()).isEqualTo(1);
        assertThat(run.problems()).as(run.toString()).singleElement().asString()
                .contains("Pilot.contribution() failed", "Region.id", "\"Noord Holland\" is not a slug");
        assertThat(run.verdict()).isEqualTo("test.pilot.slug 1.0.0 (region noord-holland) is not valid: 1 problem");
    }

    @Test
    void aKpiWithoutTargetIsRefusedByTheKpiItself() throws Exception {
        Path jar = write("target.jar", pilot("test.pilot.target", "doelloos", "doelloos", "kpi-without-target", IMPORTS));

        Run run = validate(jar);

        assertThat(run.exit).as(run.toString()).isEqualTo(1);
        assertThat(run.problems()).as(run.toString()).singleElement().asString()
                .contains("Pilot.contribution() failed", "Kpi.targets", "is empty (expected at least one element)");
    }

    @Test
    void aKpiOfAnUnknownOpgaveNamesBoth() throws Exception {
        Path jar = write("reference.jar", pilot("test.pilot.reference", "verwijzing", "verwijzing", "unknown-opgave", IMPORTS));

        Run run = validate(jar);

        assertThat(run.exit).as(run.toString()).isEqualTo(1);
        assertThat(run.problems()).as(run.toString()).containsExactly(
                "KPI \"verwijzing-woningen-geisoleerd\" refers to opgave \"verwijzing-energy\", which this pilot does "
                        + "not contribute; expected one of [verwijzing-energie].");
        assertThat(run.verdict()).isEqualTo("test.pilot.reference 1.0.0 (region verwijzing) is not valid: 1 problem");
    }

    @Test
    void anImportThePlatformCannotSatisfyNamesThePackageAndTheVersionItHas() throws Exception {
        String imports = IMPORTS.replace("nl.proeftuin.api.model;version=\"[1.0,2)\"", "nl.proeftuin.api.model;version=\"[2.0,3)\"");
        Path jar = write("imports.jar", pilot("test.pilot.imports", "toekomst", "toekomst", "none", imports));

        Run run = validate(jar);

        assertThat(run.exit).as(run.toString()).isEqualTo(1);
        assertThat(run.problems()).as(run.toString()).singleElement().asString()
                .contains("Needs package nl.proeftuin.api.model (version 2.0.0 up to, not including, 3.0.0)",
                        "the platform has version 1.0.0");
        assertThat(run.verdict()).isEqualTo("test.pilot.imports 1.0.0 (region toekomst) is not valid: 1 problem");
    }

    @Test
    void aMissingFileIsAUsageError() throws Exception {
        Run run = validate(work.resolve("does-not-exist.jar"));

        assertThat(run.exit).as(run.toString()).isEqualTo(2);
        assertThat(run.stdout).isEmpty();
        assertThat(run.stderr).contains("cannot read", "does-not-exist.jar", "no such file");
    }

    @Test
    void validateWithoutAFileIsAUsageErrorAndHelpMentionsIt() throws Exception {
        Run missing = run(List.of("validate"), work);
        Run help = run(List.of("--help"), work);

        assertThat(missing.exit).as(missing.toString()).isEqualTo(2);
        assertThat(missing.stderr).contains("validate expects one pilot JAR");
        assertThat(help.exit).isZero();
        assertThat(help.stdout).contains("proeftuin validate <pilot.jar>");
    }

    /** Runs {@code bin/proeftuin validate <jar>} with a temporary folder of its own, which must be empty after. */
    private static Run validate(Path jar) throws IOException, InterruptedException {
        Path tmp = Files.createTempDirectory(work, "tmp-");
        Run run = run(List.of("validate", jar.toString()), tmp);
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).as("left in the temporary folder after %s", run).isEmpty();
        }
        assertThat(run.duration).as("duration of %s", run).isLessThan(RUN);
        return run;
    }

    private static Run run(List<String> args, Path tmp) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(RunningPlatform.DIST.resolve("bin/proeftuin").toString());
        command.addAll(args);
        Path out = Files.createTempFile(work, "validate-", ".out");
        Path err = Files.createTempFile(work, "validate-", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        // a temporary folder to check that nothing stays behind; UTF-8 whatever the machine's locale (the verdict has a dash)
        builder.environment().put("PROEFTUIN_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp + " -Dfile.encoding=UTF-8");
        long started = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(RUN.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not end within " + RUN + "; output:\n" + Files.readString(out));
        }
        return new Run(String.join(" ", args), process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * What one run printed.
     *
     * @param args the arguments
     * @param exit the exit code
     * @param stdout the report
     * @param stderr usage errors
     * @param duration from start to exit
     */
    private record Run(String args, int exit, String stdout, String stderr, Duration duration) {

        List<String> lines() {
            return stdout.lines().toList();
        }

        /** The problem lines, without their "- ". */
        List<String> problems() {
            return lines().stream().filter(line -> line.startsWith("- ")).map(line -> line.substring(2)).toList();
        }

        String verdict() {
            List<String> lines = lines();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }

        @Override
        public String toString() {
            return "proeftuin " + args + " (exit " + exit + ", " + duration.toMillis() + " ms)\nstdout:\n" + stdout
                    + "stderr:\n" + stderr;
        }
    }

    /** A bundle with BrokenPilot as its activator; {@code region} null leaves out the Proeftuin-Region header. */
    private static byte[] pilot(String symbolicName, String region, String regionId, String mistake, String imports) {
        Map<String, String> manifest = new LinkedHashMap<>();
        manifest.put("Bundle-ManifestVersion", "2");
        manifest.put("Bundle-SymbolicName", symbolicName);
        manifest.put("Bundle-Version", "1.0.0");
        if (region != null) {
            manifest.put("Proeftuin-Region", region);
        }
        manifest.put("Import-Package", imports);
        manifest.put("Bundle-Activator", "brokenpilot.BrokenPilot");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(CLASS_ENTRY, brokenPilotClass);
        entries.put("pilot.properties", ("region=" + regionId + "\nmistake=" + mistake + "\n").getBytes(StandardCharsets.ISO_8859_1));
        return jar(manifest, entries);
    }

    private static byte[] jar(Map<String, String> headers, Map<String, byte[]> entries) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach(main::putValue);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            ByteArrayOutputStream manifestBytes = new ByteArrayOutputStream();
            manifest.write(manifestBytes);
            entry(jar, JarFile.MANIFEST_NAME, manifestBytes.toByteArray());
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                entry(jar, entry.getKey(), entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(JarOutputStream jar, String name, byte[] content) throws IOException {
        JarEntry entry = new JarEntry(name);
        entry.setTime(0);
        jar.putNextEntry(entry);
        jar.write(content);
        jar.closeEntry();
    }

    private static Path write(String name, byte[] content) throws IOException {
        return Files.write(work.resolve(name), content);
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
