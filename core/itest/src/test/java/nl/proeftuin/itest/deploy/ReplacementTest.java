package nl.proeftuin.itest.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import nl.proeftuin.itest.support.Api;
import nl.proeftuin.itest.support.DeployFolder;
import nl.proeftuin.itest.support.FixtureJars;
import nl.proeftuin.itest.support.Ids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

/**
 * A new version that cannot be used never takes the running one down, and {@code deploy/} stays the truth when two
 * files hold the same bundle.
 */
class ReplacementTest {

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
    void damagedReplacementIsInvalidAndThePreviousVersionKeepsRunning() {
        String region = Ids.unique("damaged");
        FixtureJars.Builder pilot = FixtureJars.pilot(region);
        deploy.drop(pilot);
        api.awaitState(pilot.fileName(), "RUNNING");

        deploy.drop(pilot.fileName(), FixtureJars.truncated(FixtureJars.pilot(region).version("2.0.0").build()));

        JsonNode invalid = api.awaitState(pilot.fileName(), "INVALID");
        assertThat(Api.problems(invalid)).contains("damaged or incomplete").contains("previous version 1.0.0 keeps running");
        assertThat(invalid.path("bundleState").asText()).isEqualTo("ACTIVE");
        assertThat(invalid.path("version").asText()).isEqualTo("1.0.0");
        assertThat(api.regionIds()).contains(region);
    }

    @Test
    void replacementTheFrameworkRefusesLeavesThePreviousVersionRunning() {
        String region = Ids.unique("refused-update");
        FixtureJars.Builder pilot = FixtureJars.pilot(region);
        deploy.drop(pilot);
        api.awaitState(pilot.fileName(), "RUNNING");

        deploy.drop(pilot.fileName(), FixtureJars.pilot(region).version("2.0.0").refusedByTheFramework().build());

        JsonNode refused = api.awaitDeployment(pilot.fileName(), "with the framework's refusal",
                d -> Api.problems(d).contains("refused"));
        assertThat(Api.problems(refused)).contains("previous version 1.0.0 keeps running");
        assertThat(refused.path("bundleState").asText()).as("the previous version is still active: %s", refused).isEqualTo("ACTIVE");
        assertThat(refused.path("state").asText()).isEqualTo("INVALID");
        assertThat(api.regionIds()).as("the previous version's region is still served").contains(region);
    }

    @Test
    void secondFileWithTheSameBundleIsInvalidUntilTheFirstIsDeleted() {
        String region = Ids.unique("twin");
        FixtureJars.Builder first = FixtureJars.pilot(region);
        String firstFile = region + "-1.0.0.jar";
        String secondFile = region + "-1.1.0.jar";
        deploy.drop(firstFile, first.build());
        api.awaitState(firstFile, "RUNNING");

        deploy.drop(secondFile, FixtureJars.pilot(region).version("1.1.0").build());

        JsonNode twin = api.awaitState(secondFile, "INVALID");
        assertThat(Api.problems(twin)).contains("already deployed from deploy/" + firstFile);

        deploy.delete(firstFile);
        api.awaitGone(firstFile);

        JsonNode running = api.awaitState(secondFile, "RUNNING");
        assertThat(running.path("version").asText()).isEqualTo("1.1.0");
        assertThat(api.regionIds()).contains(region);
    }
}
