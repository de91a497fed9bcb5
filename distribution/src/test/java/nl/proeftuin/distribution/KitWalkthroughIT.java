package nl.proeftuin.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The steps of {@code docs/writing-a-pilot.md}, as a regional team takes them: generate a pilot project from the
 * archetype, build it, validate the JAR, deploy it into a running platform and see the region in the API.
 *
 * <p>The team's first step, {@code mvn install} in this repository, is done here for just the artifacts the kit
 * needs (the archetype, the API and the two parent poms it names), from the JARs this build made: the test command
 * is {@code mvn verify}, which installs nothing. Maven runs offline first and goes online only when something is
 * missing from the local repository.
 */
class KitWalkthroughIT {

    private static final Path REPOSITORY = RunningPlatform.DIST.toAbsolutePath().getParent().getParent().getParent();
    private static final Path GUIDE = REPOSITORY.resolve("docs/writing-a-pilot.md");
    private static final Duration MAVEN = Duration.ofMinutes(5);
    private static final String INSTALL_FILE = "org.apache.maven.plugins:maven-install-plugin:3.1.3:install-file";

    @TempDir
    Path work;

    @Test
    void aGeneratedPilotBuildsValidatesAndShowsItsRegion() throws Exception {
        String version = platformVersion();
        List<String> generate = List.of("archetype:generate", "-DarchetypeGroupId=nl.proeftuin",
                "-DarchetypeArtifactId=proeftuin-pilot-archetype", "-DarchetypeVersion=" + version,
                "-DgroupId=nl.fryslan", "-DartifactId=proeftuin-fryslan", "-Dpackage=nl.fryslan.proeftuin", "-Dregion=friesland", "-DregionName=Fryslân", "-DinteractiveMode=false");
        assertThat(Files.readString(GUIDE, StandardCharsets.UTF_8)).as("the commands of " + GUIDE)
                .contains(generate)
                .contains("mvn archetype:generate", "mvn package",
                        "bin/proeftuin validate target/proeftuin-fryslan-1.0.0-SNAPSHOT.jar");

        installKit(version);

        // step 1: generate
        mvn(work, generate);
        Path project = work.resolve("proeftuin-fryslan");
        assertThat(project.resolve("pom.xml")).exists();
        assertThat(project.resolve("bnd.bnd")).content(StandardCharsets.UTF_8).contains("Proeftuin-Region: friesland");
        assertThat(Files.readString(project.resolve("pom.xml"))).doesNotContain("<parent>");

        // step 2: build (the generated unit tests run too)
        mvn(project, List.of("package"));
        Path jar = project.resolve("target/proeftuin-fryslan-1.0.0-SNAPSHOT.jar");
        assertThat(jar).exists();
        assertThat(project.resolve("target/surefire-reports")).isDirectoryContaining("glob:**/TEST-*RegionalPilotTest.xml");

        Path home = Files.createDirectories(work.resolve("home"));
        int port = RunningPlatform.freePort();
        Api api = new Api(port);
        try (RunningPlatform platform = Platforms.startServing(home, port)) {
            // step 3: validate, beside the running platform (validate opens no port)
            Process validate = new ProcessBuilder(RunningPlatform.DIST.resolve("bin/proeftuin").toString(), "validate",
                    "target/proeftuin-fryslan-1.0.0-SNAPSHOT.jar").directory(project.toFile()).redirectErrorStream(true).start();
            String report = new String(validate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(validate.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(validate.exitValue()).as(report).isZero();
            assertThat(report).as(report).startsWith("nl.fryslan.proeftuin 1.0.0.")
                    .contains("(region friesland): valid — 1 opgave, 1 KPI, 1 screen");

            // step 4: deploy by dropping the JAR into deploy/
            Files.copy(jar, home.resolve("deploy").resolve(jar.getFileName()));
            Api.await("region friesland in /api/v1/regions", Platforms.DEPLOY, api::regionIds, ids -> ids.contains("friesland"));
            assertThat(api.regionName("friesland")).isEqualTo("Fryslân");
            Platforms.stop(platform);
        }
    }

    /** What {@code mvn install} in this repository puts in the local repository for the kit, from this build. */
    private void installKit(String version) throws IOException, InterruptedException {
        Path api = REPOSITORY.resolve("core/api/target/proeftuin-api-" + version + ".jar");
        Path archetype = REPOSITORY.resolve("plugins/proeftuin-pilot-archetype/target/proeftuin-pilot-archetype-" + version + ".jar");
        assertThat(api).as("the API built by this build").exists();
        assertThat(archetype).as("the archetype built by this build").exists();
        mvn(work, List.of(INSTALL_FILE, "-Dfile=" + REPOSITORY.resolve("pom.xml"), "-DpomFile=" + REPOSITORY.resolve("pom.xml"),
                "-Dpackaging=pom"));
        mvn(work, List.of(INSTALL_FILE, "-Dfile=" + REPOSITORY.resolve("core/pom.xml"),
                "-DpomFile=" + REPOSITORY.resolve("core/pom.xml"), "-Dpackaging=pom"));
        mvn(work, List.of(INSTALL_FILE, "-Dfile=" + api, "-DpomFile=" + REPOSITORY.resolve("core/api/pom.xml")));
        mvn(work, List.of(INSTALL_FILE, "-Dfile=" + archetype,
                "-DpomFile=" + REPOSITORY.resolve("plugins/proeftuin-pilot-archetype/pom.xml"), "-Dpackaging=jar"));
    }

    /** {@code mvn -B -q <args>} in a folder: offline first, online when the local repository lacks something. */
    private void mvn(Path folder, List<String> args) throws IOException, InterruptedException {
        Result offline = run(folder, true, args);
        if (offline.exit == 0) {
            return;
        }
        Result online = run(folder, false, args);
        assertThat(online.exit).as("mvn %s in %s failed offline:%n%s%nand online:%n%s", args, folder, offline.output,
                online.output).isZero();
    }

    private Result run(Path folder, boolean offline, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q"));
        if (offline) {
            command.add("-o");
        }
        command.addAll(args);
        Path output = Files.createTempFile(work, "mvn-", ".out");
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!process.waitFor(MAVEN.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not end within " + MAVEN + ":\n" + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output));
    }

    /**
     * A finished Maven run.
     *
     * @param exit its exit code
     * @param output what it printed
     */
    private record Result(int exit, String output) {
    }

    /** The version of this build, as the distribution reports it ({@code Proeftuin 0.1.0-SNAPSHOT}). */
    private static String platformVersion() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(RunningPlatform.DIST.resolve("bin/proeftuin").toString(), "--version")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(output).startsWith("Proeftuin ");
        return output.substring("Proeftuin ".length());
    }
}
