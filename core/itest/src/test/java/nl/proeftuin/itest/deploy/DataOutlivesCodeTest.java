package nl.proeftuin.itest.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import nl.proeftuin.itest.support.Api;
import nl.proeftuin.itest.support.ApiResponse;
import nl.proeftuin.itest.support.DeployFolder;
import nl.proeftuin.itest.support.FixtureJars;
import nl.proeftuin.itest.support.Ids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

/** Removing a pilot hides its contribution but keeps its measurements; deploying it again shows the history again. */
class DataOutlivesCodeTest {

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
    void measurementsSurviveRemovingAndRedeployingThePilot() {
        FixtureJars.Builder pilot = FixtureJars.pilot(Ids.unique("history"));
        String measurements = "/api/v1/kpis/" + pilot.kpiId(1) + "/measurements";
        deploy.drop(pilot);
        api.awaitState(pilot.fileName(), "RUNNING");
        ApiResponse recorded = api.postJson(measurements, """
                [{"period": "2023-12", "value": 100, "source": "CBS"},
                 {"period": "2024-06", "value": 250.5, "source": "CBS"}]""");
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
        JsonNode history = api.get(measurements).json();
        assertThat(history).hasSize(2);

        deploy.delete(pilot.fileName());
        api.awaitGone(pilot.fileName());
        assertThat(api.get("/api/v1/kpis/" + pilot.kpiId(1)).status()).as("the KPI is gone with its pilot").isEqualTo(404);
        assertThat(api.get(measurements).status()).isEqualTo(404);

        deploy.drop(pilot);
        api.awaitState(pilot.fileName(), "RUNNING");

        ApiResponse again = api.get(measurements);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(history);
    }
}
