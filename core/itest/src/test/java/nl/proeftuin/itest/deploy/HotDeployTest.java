package nl.proeftuin.itest.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.proeftuin.itest.support.Api;
import nl.proeftuin.itest.support.Await;
import nl.proeftuin.itest.support.DeployFolder;
import nl.proeftuin.itest.support.EventStreamClient;
import nl.proeftuin.itest.support.FixtureJars;
import nl.proeftuin.itest.support.Ids;
import nl.proeftuin.itest.support.ServerEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

/** Dropping, replacing and deleting a JAR in {@code deploy/} installs, updates and removes the pilot while running. */
class HotDeployTest {

    @InjectBundleContext
    BundleContext context;

    Api api;
    DeployFolder deploy;

    @BeforeEach
    void connect() {
        api = Api.connect(context);
        deploy = DeployFolder.of(context, api);
    }

    @AfterEach
    void removeWhatWasDeployed() {
        deploy.removeAll();
    }

    @Test
    void droppedJarRunsAndItsRegionAppears() {
        FixtureJars.Builder pilot = FixtureJars.pilot(Ids.unique("drop")).regionName("Dropland").kpis(2);

        deploy.drop(pilot);

        Await.await("region " + pilot.regionId() + " in GET /api/v1/regions", () -> api.regionIds().contains(pilot.regionId()));
        JsonNode deployment = api.awaitState(pilot.fileName(), "RUNNING");
        assertThat(deployment.path("symbolicName").asText()).isEqualTo(pilot.symbolicName());
        assertThat(deployment.path("version").asText()).isEqualTo("1.0.0");
        assertThat(deployment.path("region").asText()).isEqualTo(pilot.regionId());
        assertThat(deployment.path("bundleState").asText()).isEqualTo("ACTIVE");
        assertThat(deployment.path("bundleId").asLong()).isPositive();
        assertThat(deployment.path("opgaven").asInt()).isEqualTo(1);
        assertThat(deployment.path("kpis").asInt()).isEqualTo(2);
        assertThat(deployment.path("screens").asInt()).isEqualTo(1);
        assertThat(deployment.path("problems")).isEmpty();
        assertThat(api.get("/api/v1/regions/" + pilot.regionId()).json().path("region").path("name").asText())
                .isEqualTo("Dropland");
    }

    @Test
    void droppedJarRunsWellWithinASecond() {
        FixtureJars.Builder pilot = FixtureJars.pilot(Ids.unique("quick"));
        long start = System.nanoTime();

        deploy.drop(pilot);

        api.awaitState(pilot.fileName(), "RUNNING");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("drop to running").isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void replacedJarUpdatesTheSameBundleToTheNewVersion() {
        String region = Ids.unique("replace");
        FixtureJars.Builder first = FixtureJars.pilot(region).regionName("Replaceland v1");
        deploy.drop(first);
        long bundleId = api.awaitState(first.fileName(), "RUNNING").path("bundleId").asLong();

        // overwritten in place, as cp does
        deploy.overwrite(first.fileName(), FixtureJars.pilot(region).version("2.0.0").regionName("Replaceland v2").build());

        JsonNode updated = api.awaitDeployment(first.fileName(), "running version 2.0.0",
                d -> d.path("version").asText().equals("2.0.0") && d.path("state").asText().equals("RUNNING"));
        assertThat(updated.path("bundleId").asLong()).as("an update keeps the bundle id").isEqualTo(bundleId);
        Await.await("the new region name in GET /api/v1/regions/" + region,
                () -> api.get("/api/v1/regions/" + region).json().path("region").path("name").asText().equals("Replaceland v2"));
    }

    @Test
    void deletedJarRemovesTheRegionAndTheDeployment() {
        FixtureJars.Builder pilot = FixtureJars.pilot(Ids.unique("delete"));
        deploy.drop(pilot);
        api.awaitState(pilot.fileName(), "RUNNING");

        deploy.delete(pilot.fileName());

        Await.await("region " + pilot.regionId() + " gone from GET /api/v1/regions", () -> !api.regionIds().contains(pilot.regionId()));
        api.awaitGone(pilot.fileName());
        assertThat(api.get("/api/v1/regions/" + pilot.regionId()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/bundles/" + pilot.symbolicName()).status()).isEqualTo(404);
    }

    @Test
    void hiddenPartFileIsIgnoredAndTheRenamedFileInstalledOnce() throws IOException {
        FixtureJars.Builder pilot = FixtureJars.pilot(Ids.unique("rename"));
        String part = "." + pilot.fileName() + ".part";
        try (EventStreamClient events = EventStreamClient.open(api)) {
            Files.write(deploy.path(part), pilot.build());
            deploy.track(part);
            Await.during("the .part file to be ignored", () -> api.deploymentOfFile(part).isEmpty()
                    && events.events().stream().noneMatch(e -> e.get("symbolicName").equals(pilot.symbolicName())),
                    Duration.ofMillis(600));

            Files.move(deploy.path(part), deploy.path(pilot.fileName()), StandardCopyOption.ATOMIC_MOVE);
            deploy.track(pilot.fileName());

            long bundleId = api.awaitState(pilot.fileName(), "RUNNING").path("bundleId").asLong();
            events.await("bundle INSTALLED", e -> e.is("bundle", "INSTALLED", pilot.symbolicName()));
            Await.during("no second install or update", () -> bundleEventsOf(events, pilot.symbolicName()).equals(List.of("INSTALLED")),
                    Duration.ofMillis(300));
            assertThat(api.deploymentOfFile(pilot.fileName()).orElseThrow().path("bundleId").asLong()).isEqualTo(bundleId);
        }
    }

    @Test
    void slowCopyIsInstalledWhenCompleteAndNeverReportedInvalid() throws IOException {
        FixtureJars.Builder pilot = FixtureJars.pilot(Ids.unique("slow"));
        byte[] jar = pilot.build();
        Set<String> statesSeen = ConcurrentHashMap.newKeySet();
        try (EventStreamClient events = EventStreamClient.open(api)) {
            deploy.track(pilot.fileName());
            try (OutputStream out = Files.newOutputStream(deploy.path(pilot.fileName()))) {
                out.write(Arrays.copyOf(jar, jar.length / 2));
                out.flush();
                Await.during("the half-written file not to be reported invalid", () -> {
                    api.deploymentOfFile(pilot.fileName()).ifPresent(d -> statesSeen.add(d.path("state").asText()));
                    return !statesSeen.contains("INVALID");
                }, Duration.ofMillis(300));
                out.write(jar, jar.length / 2, jar.length - jar.length / 2);
            }

            JsonNode deployment = api.awaitDeployment(pilot.fileName(), "RUNNING", d -> {
                statesSeen.add(d.path("state").asText());
                return d.path("state").asText().equals("RUNNING");
            });
            assertThat(deployment.path("version").asText()).isEqualTo("1.0.0");
            events.await("bundle INSTALLED", e -> e.is("bundle", "INSTALLED", pilot.symbolicName()));
            assertThat(statesSeen).doesNotContain("INVALID");
            assertThat(events.events()).filteredOn(e -> e.event().equals("bundle") && e.get("fileName").equals(pilot.fileName()))
                    .extracting(ServerEvent::kind)
                    .containsExactly("INSTALLED");
        }
    }

    private static List<String> bundleEventsOf(EventStreamClient events, String symbolicName) {
        return events.events().stream().filter(e -> e.event().equals("bundle") && e.get("symbolicName").equals(symbolicName))
                .map(ServerEvent::kind).toList();
    }
}
