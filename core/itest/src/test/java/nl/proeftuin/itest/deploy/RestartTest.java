package nl.proeftuin.itest.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import nl.proeftuin.itest.support.Api;
import nl.proeftuin.itest.support.Await;
import nl.proeftuin.itest.support.DeployFolder;
import nl.proeftuin.itest.support.EventStreamClient;
import nl.proeftuin.itest.support.FixtureJars;
import nl.proeftuin.itest.support.Ids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.test.common.annotation.InjectBundleContext;

/**
 * {@code deploy/} is the truth across restarts: what changed in it while the deployer was stopped is applied when it
 * starts, and what did not change is left alone. The deployer bundle is stopped and started inside the running
 * framework, as at a platform restart.
 */
class RestartTest {

    static final String DEPLOYER = "nl.proeftuin.deployer";

    @InjectBundleContext
    BundleContext context;

    Api api;
    DeployFolder deploy;
    Bundle deployer;

    @BeforeEach
    void connect() {
        api = Api.connect(context);
        deploy = DeployFolder.of(context, api);
        for (Bundle bundle : context.getBundles()) {
            if (DEPLOYER.equals(bundle.getSymbolicName())) {
                deployer = bundle;
            }
        }
        assertThat(deployer).as(DEPLOYER).isNotNull();
    }

    @AfterEach
    void startTheDeployerAndRemoveWhatWasDeployed() throws BundleException {
        if (deployer.getState() != Bundle.ACTIVE) {
            startDeployer();
        }
        deploy.removeAll();
    }

    @Test
    void jarDeletedWhileTheDeployerWasStoppedIsUninstalledWhenItStarts() throws BundleException {
        FixtureJars.Builder pilot = FixtureJars.pilot(Ids.unique("gone-while-down"));
        deploy.drop(pilot);
        long bundleId = api.awaitState(pilot.fileName(), "RUNNING").path("bundleId").asLong();

        deployer.stop();
        deploy.delete(pilot.fileName());
        startDeployer();

        Await.await("bundle " + bundleId + " to be uninstalled", () -> context.getBundle(bundleId) == null);
        assertThat(api.deploymentOfFile(pilot.fileName())).isEmpty();
        Await.await("region gone", () -> !api.regionIds().contains(pilot.regionId()));
    }

    @Test
    void jarAddedWhileTheDeployerWasStoppedIsInstalledWhenItStarts() throws BundleException {
        FixtureJars.Builder pilot = FixtureJars.pilot(Ids.unique("added-while-down"));

        deployer.stop();
        deploy.drop(pilot);
        startDeployer();

        api.awaitState(pilot.fileName(), "RUNNING");
        assertThat(api.regionIds()).contains(pilot.regionId());
    }

    @Test
    void unchangedPilotKeepsRunningUntouchedAcrossADeployerRestart() throws BundleException {
        FixtureJars.Builder pilot = FixtureJars.pilot(Ids.unique("restart"));
        deploy.drop(pilot);
        long bundleId = api.awaitState(pilot.fileName(), "RUNNING").path("bundleId").asLong();
        long lastModified = context.getBundle(bundleId).getLastModified();

        try (EventStreamClient events = EventStreamClient.open(api)) {
            deployer.stop();
            startDeployer();

            // the deployer applies changes one at a time, in order: once a file dropped now runs, it has looked at all
            FixtureJars.Builder marker = FixtureJars.pilot(Ids.unique("marker"));
            deploy.drop(marker);
            api.awaitState(marker.fileName(), "RUNNING");

            assertThat(api.awaitState(pilot.fileName(), "RUNNING").path("bundleId").asLong()).isEqualTo(bundleId);
            assertThat(context.getBundle(bundleId).getLastModified()).as("the unchanged bundle was not updated again")
                    .isEqualTo(lastModified);
            assertThat(events.events()).as("no bundle events for an unchanged pilot")
                    .noneMatch(e -> e.event().equals("bundle") && e.get("symbolicName").equals(pilot.symbolicName()));
        }
    }

    private void startDeployer() throws BundleException {
        deployer.start();
        Await.await("the bundle API to be back", () -> api.get("/api/v1/bundles").status() == 200);
    }
}
