package nl.proeftuin.itest.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import nl.proeftuin.itest.support.Api;
import nl.proeftuin.itest.support.ApiResponse;
import nl.proeftuin.itest.support.DeployFolder;
import nl.proeftuin.itest.support.FixtureJars;
import nl.proeftuin.itest.support.Ids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.test.common.annotation.InjectBundleContext;

/** Updating one pilot refreshes that pilot only: core bundles and other pilots keep running, the API keeps answering. */
class IsolationTest {

    static final int UPDATES = 20;

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
    void twentyUpdatesOfOnePilotLeaveCoreAndOtherPilotsUntouchedAndTheApiAnswering() throws InterruptedException {
        String regionA = Ids.unique("isolated-a");
        FixtureJars.Builder pilotA = FixtureJars.pilot(regionA).regionName("A v1");
        FixtureJars.Builder pilotB = FixtureJars.pilot(Ids.unique("isolated-b"));
        deploy.track(pilotA.fileName());
        deploy.track(pilotB.fileName());
        assertThat(api.post("/api/v1/bundles", UploadTest.JAR, pilotA.build()).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/bundles", UploadTest.JAR, pilotB.build()).status()).isEqualTo(201);
        Map<Long, String> before = coreAndOtherPilot(pilotB.symbolicName());

        AtomicBoolean updating = new AtomicBoolean(true);
        AtomicInteger answers = new AtomicInteger();
        AtomicInteger serverErrors = new AtomicInteger();
        AtomicInteger connectionErrors = new AtomicInteger();
        Thread reader = new Thread(() -> {
            while (updating.get()) {
                try {
                    ApiResponse response = api.get("/api/v1/regions");
                    answers.incrementAndGet();
                    if (response.status() >= 500) {
                        serverErrors.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    connectionErrors.incrementAndGet();
                }
            }
        }, "itest-regions-reader");
        reader.start();
        try {
            for (int i = 2; i <= UPDATES + 1; i++) {
                ApiResponse response = api.post("/api/v1/bundles", UploadTest.JAR,
                        FixtureJars.pilot(regionA).version("1.0." + i).regionName("A v" + i).build());
                assertThat(response.status()).as("update %d: %s", i, response).isEqualTo(200);
            }
        } finally {
            updating.set(false);
            reader.join(30_000);
        }

        assertThat(serverErrors).as("answers >= 500 out of %d", answers.get()).hasValue(0);
        assertThat(connectionErrors).as("connection errors").hasValue(0);
        assertThat(answers.get()).as("GET /api/v1/regions was called throughout").isGreaterThan(UPDATES);
        assertThat(coreAndOtherPilot(pilotB.symbolicName())).as("core bundles and pilot B: ids, states, service ids")
                .isEqualTo(before);
        JsonNode lastA = api.get("/api/v1/bundles/" + pilotA.symbolicName()).json();
        assertThat(lastA.path("version").asText()).isEqualTo("1.0." + (UPDATES + 1));
        assertThat(lastA.path("state").asText()).isEqualTo("RUNNING");
        assertThat(api.get("/api/v1/regions/" + regionA).json().path("region").path("name").asText())
                .isEqualTo("A v" + (UPDATES + 1));
    }

    /** For each core bundle (no Proeftuin-Region) and the given pilot: id -> name, state and registered service ids. */
    private Map<Long, String> coreAndOtherPilot(String otherPilot) {
        Map<Long, String> state = new TreeMap<>();
        for (Bundle bundle : context.getBundles()) {
            boolean core = bundle.getHeaders("").get("Proeftuin-Region") == null;
            if (core || otherPilot.equals(bundle.getSymbolicName())) {
                ServiceReference<?>[] services = bundle.getRegisteredServices();
                long[] serviceIds = services == null ? new long[0]
                        : Arrays.stream(services).mapToLong(s -> (Long) s.getProperty(Constants.SERVICE_ID)).sorted().toArray();
                state.put(bundle.getBundleId(), bundle.getSymbolicName() + " state=" + bundle.getState()
                        + " services=" + Arrays.toString(serviceIds));
            }
        }
        return state;
    }
}
