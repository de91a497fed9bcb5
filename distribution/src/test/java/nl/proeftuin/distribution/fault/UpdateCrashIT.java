package nl.proeftuin.distribution.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the platform in the middle of pilot updates, then a start on the same home: the pilots that run are
 * exactly those in {@code deploy/}, each in the version its file holds (never a mix, never the half of a copy), and
 * nothing of an upload cut off in {@code deploy/.incoming} is installed. The kills come at moments spread over an
 * update: 3 file updates and 3 uploads in CI, 20 and 10 in {@code bench/faults.sh}.
 */
class UpdateCrashIT {

    static final int FILE_KILLS = Scale.pick(3, 20);
    static final int UPLOAD_KILLS = Scale.pick(2, 10);
    /** The kills are spread from 0 to this long after the change: a deployment here takes well under that. */
    static final long SPREAD_MILLIS = 200;
    static final Duration DEPLOY = Duration.ofSeconds(20);

    @TempDir
    Path home;

    @Test
    void killsDuringUpdatesThroughDeployStartWithExactlyWhatIsInDeploy() throws Exception {
        Path deploy = Files.createDirectories(home.resolve("deploy"));
        PilotJars other = new PilotJars("stil", "1.0.0");
        other.writeAtomically(deploy.resolve("stil.jar"));
        PilotJars current = new PilotJars("update", "1.0.0");
        current.writeAtomically(deploy.resolve("update.jar"));
        int port = PlatformProcess.freePort();
        Client client = new Client(port);
        PlatformProcess platform = PlatformProcess.startServing(home, port);
        try {
            awaitExactly(client, List.of(other, current));
            int bundles = client.get("/api/health").get("totalBundles").asInt();
            List<String> table = new ArrayList<>();

            // replaced by a rename (as a careful tool does) or overwritten in place (as cp does), then killed at once
            // or while the deployer notices, settles, updates and starts it
            for (int round = 0; round < FILE_KILLS; round++) {
                PilotJars next = new PilotJars("update", "2.0." + round);
                long killAfter = FILE_KILLS == 1 ? 0 : round * SPREAD_MILLIS / (FILE_KILLS - 1);
                if (round % 2 == 1) {
                    Files.write(deploy.resolve("update.jar"), next.bytes());
                } else {
                    next.writeAtomically(deploy.resolve("update.jar"));
                }
                Thread.sleep(killAfter);
                platform.kill();

                platform = PlatformProcess.startServing(home, port);
                awaitExactly(client, List.of(other, next));
                JsonNode health = client.get("/api/health");
                assertThat(health.get("totalBundles").asInt()).as("bundles after a kill %d ms into the update to %s: %s", killAfter,
                        next.version(), health).isEqualTo(bundles);
                assertThat(health.get("activeBundles").asInt()).as("active bundles: %s", health).isEqualTo(bundles);
                table.add("| " + (round % 2 == 1 ? "overwritten in place" : "renamed into place") + " | " + killAfter + " ms | "
                        + next.version() + " |");
                current = next;
            }

            // a copy into deploy/ that was cut off (the machine went down with the platform): every start installs
            // the pilots afresh from deploy/, so the half JAR is reported and nothing of it is installed, the other
            // pilot runs on, and the finished copy is applied
            PilotJars interrupted = new PilotJars("update", "3.0.0");
            byte[] whole = interrupted.bytes();
            Files.write(deploy.resolve("update.jar"), Arrays.copyOf(whole, whole.length / 2));
            platform.kill();
            platform = PlatformProcess.startServing(home, port);
            JsonNode half = Client.await("the half-copied update.jar reported", DEPLOY, () -> deployment(client, "update.jar"),
                    d -> "INVALID".equals(d.path("state").asText()));
            assertThat(half.path("problems").toString()).as("%s", half).contains("damaged or incomplete");
            assertThat(half.path("bundleId").asLong()).as("nothing installed from the half JAR: %s", half).isEqualTo(-1);
            assertThat(client.regions()).as("regions served").containsOnlyKeys(other.region());
            Files.write(deploy.resolve("update.jar"), whole);
            awaitExactly(client, List.of(other, interrupted));
            table.add("| half copied, finished after the restart | 0 ms | none, then " + interrupted.version() + " |");
            System.out.printf("UpdateCrashIT: file updates in deploy/ cut off by kill -9%n| new file | kill after | running after the restart |%n"
                    + "|---|---|---|%n%s%n", String.join("\n", table));
            platform.stop();
        } finally {
            platform.close();
        }
    }

    @Test
    void killsDuringUploadsInstallNothingHalfWrittenAndKeepDeployTheTruth() throws Exception {
        Path deploy = Files.createDirectories(home.resolve("deploy"));
        PilotJars current = new PilotJars("upload", "1.0.0");
        current.writeAtomically(deploy.resolve("upload.jar"));
        int port = PlatformProcess.freePort();
        Client client = new Client(port);
        List<String> table = new ArrayList<>();
        PlatformProcess platform = PlatformProcess.startServing(home, port);
        try {
            awaitExactly(client, List.of(current));

            // cut off in the middle of the body: the half in deploy/.incoming is neither installed nor kept
            PilotJars cutOff = new PilotJars("upload", "2.0.0");
            byte[] body = cutOff.bytes();
            CountDownLatch halfSent = new CountDownLatch(1);
            CompletableFuture<String> halfAnswer = CompletableFuture.supplyAsync(
                    () -> client.rawPost("/api/v1/bundles", "application/java-archive", body, body.length / 2, halfSent::countDown));
            assertThat(halfSent.await(30, TimeUnit.SECONDS)).isTrue();
            Client.await("the half upload in deploy/.incoming", DEPLOY, () -> incoming(deploy), files -> !files.isEmpty());
            platform.kill();
            assertThat(halfAnswer.get(30, TimeUnit.SECONDS)).doesNotStartWith("HTTP/1.1 2");
            platform = PlatformProcess.startServing(home, port);
            awaitExactly(client, List.of(current));
            assertThat(Files.readAllBytes(deploy.resolve("upload.jar"))).as("deploy/upload.jar after the cut-off upload")
                    .isEqualTo(current.bytes());
            Client.await("deploy/.incoming without the cut-off upload", DEPLOY, () -> incoming(deploy), List::isEmpty);
            table.add("| half the body sent | no answer | " + current.version() + " |");

            // the whole body sent, then killed at once or while the upload is checked, moved into deploy/ and applied
            for (int round = 0; round < UPLOAD_KILLS; round++) {
                PilotJars next = new PilotJars("upload", "3.0." + round);
                byte[] jar = next.bytes();
                long killAfter = UPLOAD_KILLS == 1 ? 0 : round * SPREAD_MILLIS / (UPLOAD_KILLS - 1);
                CountDownLatch sent = new CountDownLatch(1);
                CompletableFuture<String> answer = CompletableFuture.supplyAsync(
                        () -> client.rawPost("/api/v1/bundles", "application/java-archive", jar, jar.length, sent::countDown));
                assertThat(sent.await(30, TimeUnit.SECONDS)).isTrue();
                Thread.sleep(killAfter);
                platform.kill();
                String reply = answer.get(30, TimeUnit.SECONDS).lines().findFirst().orElse("");

                platform = PlatformProcess.startServing(home, port);
                byte[] inDeploy = Files.readAllBytes(deploy.resolve("upload.jar"));
                PilotJars expected = Arrays.equals(inDeploy, jar) ? next : current;
                assertThat(Arrays.equals(inDeploy, expected.bytes())).as("deploy/upload.jar holds %s or %s, whole, after a kill %d ms"
                        + " after the upload was sent", current.version(), next.version(), killAfter).isTrue();
                if (reply.startsWith("HTTP/1.1 200")) {
                    assertThat(expected).as("the upload was answered 200").isEqualTo(next);
                }
                assertThat(jars(deploy)).as("the JARs in deploy/").containsExactly("upload.jar");
                awaitExactly(client, List.of(expected));
                Client.await("deploy/.incoming without leftovers", DEPLOY, () -> incoming(deploy), List::isEmpty);
                table.add("| whole body, killed after " + killAfter + " ms | " + (reply.isEmpty() ? "no answer" : reply) + " | "
                        + expected.version() + " |");
                current = expected;
            }
            System.out.printf("UpdateCrashIT: uploads cut off by kill -9%n| upload | answer seen | running after the restart |%n"
                    + "|---|---|---|%n%s%n", String.join("\n", table));
            platform.stop();
        } finally {
            platform.close();
        }
    }

    /** Waits until the running pilots are exactly these, each in its version, RUNNING, its region named for it. */
    private static void awaitExactly(Client client, List<PilotJars> pilots) throws InterruptedException {
        Map<String, String> wanted = new TreeMap<>();
        pilots.forEach(p -> wanted.put(p.symbolicName(), p.version() + " RUNNING " + p.region() + " \"" + p.name() + "\""));
        Client.await("exactly the pilots in deploy/: " + wanted, DEPLOY, () -> {
            Map<String, String> running = new TreeMap<>();
            Map<String, String> names = client.regions();
            for (JsonNode b : client.bundles()) {
                String region = b.path("region").asText();
                running.put(b.get("symbolicName").asText(), b.get("version").asText() + " " + b.get("state").asText() + " " + region
                        + " \"" + names.get(region) + "\"");
            }
            if (names.size() != pilots.size()) {
                running.put("(regions)", names.toString());
            }
            return running;
        }, wanted::equals);
    }

    private static JsonNode deployment(Client client, String fileName) throws IOException, InterruptedException {
        for (JsonNode b : client.bundles()) {
            if (fileName.equals(b.path("fileName").asText())) {
                return b;
            }
        }
        throw new IOException("deploy/" + fileName + " is not listed");
    }

    /** The files in deploy/.incoming: uploads being received, or left by a crash. */
    private static List<String> incoming(Path deploy) throws IOException {
        Path folder = deploy.resolve(".incoming");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> jars(Path deploy) throws IOException {
        try (Stream<Path> files = Files.list(deploy)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".jar"))
                    .sorted().toList();
        }
    }
}
