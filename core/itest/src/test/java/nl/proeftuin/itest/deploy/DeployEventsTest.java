package nl.proeftuin.itest.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import nl.proeftuin.itest.support.Api;
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

/** {@code GET /api/v1/events} tells a live dashboard about every bundle and contribution change. */
class DeployEventsTest {

    @InjectBundleContext
    BundleContext context;

    Api api;
    DeployFolder deploy;
    EventStreamClient events;

    @BeforeEach
    void connect() {
        api = Api.connect(context);
        deploy = DeployFolder.of(context, api);
        events = EventStreamClient.open(api);
    }

    @AfterEach
    void closeAndRemove() {
        events.close();
        deploy.removeAll();
    }

    @Test
    void streamIsServerSentEvents() {
        assertThat(events.response().statusCode()).isEqualTo(200);
        assertThat(events.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
    }

    @Test
    void deployingAPilotSendsBundleInstalledAndContributionAdded() {
        FixtureJars.Builder pilot = FixtureJars.pilot(Ids.unique("event-add"));

        deploy.drop(pilot);

        ServerEvent installed = events.await("bundle INSTALLED", e -> e.is("bundle", "INSTALLED", pilot.symbolicName()));
        assertThat(installed.get("fileName")).isEqualTo(pilot.fileName());
        assertThat(installed.get("version")).isEqualTo("1.0.0");
        assertThat(installed.get("region")).isEqualTo(pilot.regionId());
        ServerEvent added = events.await("contribution ADDED", e -> e.is("contribution", "ADDED", pilot.symbolicName()));
        assertThat(added.get("region")).isEqualTo(pilot.regionId());
        assertThat(added.data().path("accepted").asBoolean()).isTrue();
        assertThat(events.failure()).isNull();
    }

    @Test
    void updatingAPilotSendsBundleUpdated() {
        String region = Ids.unique("event-update");
        FixtureJars.Builder pilot = FixtureJars.pilot(region);
        deploy.drop(pilot);
        events.await("bundle INSTALLED", e -> e.is("bundle", "INSTALLED", pilot.symbolicName()));

        deploy.drop(FixtureJars.pilot(region).version("2.0.0").regionName("Updated"));

        ServerEvent updated = events.await("bundle UPDATED", e -> e.is("bundle", "UPDATED", pilot.symbolicName()));
        assertThat(updated.get("version")).isEqualTo("2.0.0");
        assertThat(updated.get("state")).isEqualTo("RUNNING");
    }

    @Test
    void removingAPilotSendsBundleRemovedAndContributionRemoved() {
        FixtureJars.Builder pilot = FixtureJars.pilot(Ids.unique("event-remove"));
        deploy.drop(pilot);
        events.await("contribution ADDED", e -> e.is("contribution", "ADDED", pilot.symbolicName()));

        deploy.delete(pilot.fileName());

        ServerEvent removed = events.await("bundle REMOVED", e -> e.is("bundle", "REMOVED", pilot.symbolicName()));
        assertThat(removed.get("fileName")).isEqualTo(pilot.fileName());
        events.await("contribution REMOVED", e -> e.is("contribution", "REMOVED", pilot.symbolicName()));
    }

    @Test
    void aFailingPilotSendsBundleFailedWithItsProblem() {
        String message = "no way " + Ids.unique("event");
        FixtureJars.Builder pilot = FixtureJars.pilot(Ids.unique("event-fail")).throwInActivator(message);

        deploy.drop(pilot);

        ServerEvent failed = events.await("bundle FAILED", e -> e.is("bundle", "FAILED", pilot.symbolicName()));
        assertThat(failed.get("state")).isEqualTo("FAILED");
        assertThat(failed.data().path("problems").toString()).contains(message);
    }
}
