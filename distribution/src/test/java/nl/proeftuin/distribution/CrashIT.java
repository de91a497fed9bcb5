package nl.proeftuin.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the platform at bad moments, then a start on the same home: no half import, nothing lost that was
 * answered 200, and after an interrupted bundle update the bundles that run are exactly those in deploy/.
 */
class CrashIT {

    private static final int IMPORT_ROWS = 200_000;
    private static final LocalDate IMPORT_FIRST_DAY = LocalDate.of(1500, 1, 1);

    @TempDir
    Path home;

    @Test
    void killDuringALargeCsvImportLeavesAllOrNoneOfItAndEverythingAnsweredBefore() throws Exception {
        PilotJar pilot = PilotJar.of("import", "1.0.0");
        pilot.writeAtomically(Files.createDirectories(home.resolve("deploy")).resolve("import.jar"));
        int port = RunningPlatform.freePort();
        Api api = new Api(port);
        String path = "/api/v1/kpis/" + pilot.kpi() + "/measurements";
        // accepted before: months of 1400, which the import does not touch
        Map<String, Double> before = new LinkedHashMap<>();
        String kill;
        try (RunningPlatform platform = Platforms.startServing(home, port)) {
            Api.await("the pilot's KPI", Platforms.DEPLOY, () -> api.send(api.request(path).GET().build()).statusCode(), s -> s == 200);
            StringBuilder json = new StringBuilder("[");
            for (int month = 1; month <= 12; month++) {
                json.append(month == 1 ? "" : ",").append("{\"period\":\"1400-%02d\",\"value\":%d,\"source\":\"before\"}".formatted(month, month * 7));
                before.put(YearMonth.of(1400, month).atEndOfMonth().toString(), month * 7.0);
            }
            HttpResponse<String> answer = api.post(path, "application/json", json.append("]").toString().getBytes(StandardCharsets.UTF_8));
            assertThat(answer.statusCode()).as("earlier POST: %s", answer.body()).isEqualTo(200);

            Path database = home.resolve("data/store/proeftuin.mv.db");
            long sizeBefore = Files.size(database);
            CountDownLatch sent = new CountDownLatch(1);
            CompletableFuture<String> importAnswer = CompletableFuture.supplyAsync(() -> rawPost(port, path, "text/csv", bigCsv(), sent));
            assertThat(sent.await(60, TimeUnit.SECONDS)).as("the CSV was sent").isTrue();
            // kill in the middle of writing the import (the parsing before it takes a few seconds): once the database
            // file has grown by 4 MB (about a sixth of what the import adds), or at the latest after 30 s
            long sentAt = System.nanoTime();
            long deadline = sentAt + TimeUnit.SECONDS.toNanos(30);
            while (!importAnswer.isDone() && System.nanoTime() < deadline && Files.size(database) < sizeBefore + (4 << 20)) {
                Thread.sleep(5);
            }
            assertThat(importAnswer).as("the import must still be in flight when the platform is killed (else make it larger)").isNotDone();
            kill = "killed " + (System.nanoTime() - sentAt) / 1_000_000 + " ms after the CSV was sent, "
                    + (Files.size(database) - sizeBefore) + " bytes into the database file";
            Platforms.kill(platform);
            assertThat(importAnswer.get(10, TimeUnit.SECONDS)).as("the client saw no answer").doesNotStartWith("HTTP/1.1 200");
        }

        try (RunningPlatform platform = Platforms.startServing(home, port)) {
            Api.await("the pilot's KPI after the restart", Platforms.DEPLOY, () -> api.send(api.request(path).GET().build()).statusCode(),
                    s -> s == 200);
            Map<String, Double> stored = api.measurements(pilot.kpi());
            Map<String, Double> earlier = new LinkedHashMap<>(stored);
            earlier.keySet().retainAll(before.keySet());
            assertThat(earlier).as("measurements answered 200 before the kill (%s)", kill).isEqualTo(before);
            long imported = stored.keySet().stream().filter(p -> !before.containsKey(p)).count();
            System.out.printf("CrashIT: %s; after the restart the import has %d of %d rows%n", kill, imported, IMPORT_ROWS);
            assertThat(imported).as("rows of the interrupted import (%s): all or none", kill).isIn(0L, (long) IMPORT_ROWS);
            if (imported == IMPORT_ROWS) {
                assertThat(stored.get(IMPORT_FIRST_DAY.plusDays(IMPORT_ROWS - 1).toString())).isEqualTo(IMPORT_ROWS - 1.0);
            }
            // and the store takes new data after the crash
            HttpResponse<String> after = api.post(path, "text/csv", "period,value,source\n1401-01,5,after\n".getBytes(StandardCharsets.UTF_8));
            assertThat(after.statusCode()).as("POST after the restart: %s", after.body()).isEqualTo(200);
            Platforms.stop(platform);
        }
    }

    @Test
    void killRightAfterAnsweredPostsLosesNothing() throws Exception {
        PilotJar pilot = PilotJar.of("durable", "1.0.0");
        pilot.writeAtomically(Files.createDirectories(home.resolve("deploy")).resolve("durable.jar"));
        int port = RunningPlatform.freePort();
        Api api = new Api(port);
        String path = "/api/v1/kpis/" + pilot.kpi() + "/measurements";
        Map<String, Double> expected = new LinkedHashMap<>();
        try (RunningPlatform platform = Platforms.startServing(home, port)) {
            Api.await("the pilot's KPI", Platforms.DEPLOY, () -> api.send(api.request(path).GET().build()).statusCode(), s -> s == 200);
            for (int batch = 1; batch <= 10; batch++) {
                // three months per batch; the last batch also replaces the first value of batch 1
                StringBuilder json = new StringBuilder("[");
                StringBuilder csv = new StringBuilder("period,value,source\n");
                for (int i = 0; i < 3; i++) {
                    YearMonth month = YearMonth.of(2000 + batch, 1 + i);
                    double value = batch * 100 + i;
                    json.append(i == 0 ? "" : ",").append("{\"period\":\"%s\",\"value\":%s,\"source\":\"batch %d\"}".formatted(month, value, batch));
                    csv.append(month).append(',').append(value).append(",batch ").append(batch).append('\n');
                    expected.put(month.atEndOfMonth().toString(), value);
                }
                if (batch == 10) {
                    json.append(",{\"period\":\"2001-01\",\"value\":4242,\"source\":\"replaced\"}");
                    csv.append("2001-01,4242,replaced\n");
                    expected.put("2001-01-31", 4242.0);
                }
                // JSON and CSV in turn
                HttpResponse<String> answer = batch % 2 == 0
                        ? api.post(path, "application/json", json.append("]").toString().getBytes(StandardCharsets.UTF_8))
                        : api.post(path, "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
                assertThat(answer.statusCode()).as("batch %d: %s", batch, answer.body()).isEqualTo(200);
            }
            Platforms.kill(platform);
        }

        try (RunningPlatform platform = Platforms.startServing(home, port)) {
            Map<String, Double> stored = Api.await("the pilot's KPI after the restart", Platforms.DEPLOY,
                    () -> api.measurements(pilot.kpi()), m -> true);
            assertThat(stored).as("every measurement answered 200 before kill -9").isEqualTo(expected);
            Platforms.stop(platform);
        }
    }

    @Test
    void killDuringABundleUpdateStartsWithExactlyWhatIsInDeploy() throws Exception {
        Path deploy = Files.createDirectories(home.resolve("deploy"));
        PilotJar other = PilotJar.of("stil", "1.0.0");
        other.writeAtomically(deploy.resolve("stil.jar"));
        PilotJar current = PilotJar.of("update", "1.0.0");
        current.writeAtomically(deploy.resolve("update.jar"));
        int port = RunningPlatform.freePort();
        Api api = new Api(port);
        int bundlesWithPilots;
        RunningPlatform platform = Platforms.startServing(home, port);
        try {
            awaitExactly(api, List.of(other, current));
            bundlesWithPilots = api.get("/api/health").get("totalBundles").asInt();

            // replace the JAR and kill at different moments of the update: before it is noticed, while the settle
            // time runs, while the bundle is updated and started; the last one is an in-place copy, not a rename
            int[] killAfterMillis = {0, 40, 90, 150};
            for (int round = 0; round < killAfterMillis.length; round++) {
                PilotJar next = PilotJar.of("update", "2.0." + round);
                if (round == killAfterMillis.length - 1) {
                    Files.write(deploy.resolve("update.jar"), next.bytes());
                } else {
                    next.writeAtomically(deploy.resolve("update.jar"));
                }
                Thread.sleep(killAfterMillis[round]);
                Platforms.kill(platform);

                platform = Platforms.startServing(home, port);
                awaitExactly(api, List.of(other, next));
                JsonNode health = api.get("/api/health");
                assertThat(health.get("totalBundles").asInt()).as("bundles in the framework after kill %d ms into the update to %s: %s",
                        killAfterMillis[round], next.version(), health).isEqualTo(bundlesWithPilots);
                assertThat(health.get("activeBundles").asInt()).as("active bundles: %s", health).isEqualTo(bundlesWithPilots);
                current = next;
            }
            Platforms.stop(platform);
        } finally {
            platform.close();
        }
    }

    /** Waits until the running pilots are exactly these, each in its version, RUNNING, its region named for it. */
    private static void awaitExactly(Api api, List<PilotJar> pilots) throws InterruptedException {
        Map<String, String> wanted = new java.util.TreeMap<>();
        pilots.forEach(p -> wanted.put(p.symbolicName(), p.version() + " RUNNING " + p.region() + " \"" + p.name() + "\""));
        Api.await("exactly the pilots in deploy/: " + wanted, Platforms.DEPLOY, () -> {
            Map<String, String> running = new java.util.TreeMap<>();
            Map<String, String> names = new java.util.HashMap<>();
            api.get("/api/v1/regions").forEach(r -> names.put(r.get("id").asText(), r.get("name").asText()));
            for (JsonNode b : api.bundles()) {
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

    private static byte[] bigCsv() {
        StringBuilder csv = new StringBuilder(IMPORT_ROWS * 24).append("period,value,source\n");
        for (int i = 0; i < IMPORT_ROWS; i++) {
            csv.append(IMPORT_FIRST_DAY.plusDays(i)).append(',').append(i).append(",bulk\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A POST over a plain socket, so the test knows when the whole body has left; returns the raw answer (or why none). */
    private static String rawPost(int port, String path, String type, byte[] body, CountDownLatch sent) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: " + type
                    + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            sent.countDown();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            sent.countDown();
            return "no answer: " + e;
        }
    }
}
