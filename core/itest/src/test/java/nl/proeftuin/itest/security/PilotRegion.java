package nl.proeftuin.itest.security;

import java.util.concurrent.atomic.AtomicInteger;
import nl.proeftuin.itest.support.Api;
import nl.proeftuin.itest.support.ApiResponse;
import nl.proeftuin.itest.support.Await;
import nl.proeftuin.itest.support.DeployFolder;
import nl.proeftuin.itest.support.FixtureJars;
import nl.proeftuin.itest.support.Ids;

/** A region of its own for a test: a fixture pilot with one KPI, uploaded by the admin. */
final class PilotRegion {

    static final String JAR = "application/java-archive";

    private final Api api;
    private final FixtureJars.Builder pilot;
    private final AtomicInteger versions = new AtomicInteger();

    private PilotRegion(Api api, FixtureJars.Builder pilot) {
        this.api = api;
        this.pilot = pilot;
    }

    /**
     * Uploads a fresh pilot and waits until its KPI is in the catalogue.
     *
     * @param api the platform
     * @param deploy the deploy folder, which removes the pilot at the end
     * @param prefix what the region is for
     * @return the region
     */
    static PilotRegion deploy(Api api, DeployFolder deploy, String prefix) {
        PilotRegion region = new PilotRegion(api, FixtureJars.pilot(Ids.unique(prefix)).kpis(1));
        deploy.track(region.pilot.fileName());
        region.restore();
        return region;
    }

    String id() {
        return pilot.regionId();
    }

    String kpi() {
        return pilot.kpiId(1);
    }

    String symbolicName() {
        return pilot.symbolicName();
    }

    /** The pilot's JAR in a version not uploaded before, for an update. */
    byte[] nextVersion() {
        return pilot.version("1.0." + versions.incrementAndGet()).build();
    }

    /** Uploads the pilot as admin (after it was removed) and waits until its KPI is there. */
    void restore() {
        ApiResponse response = api.post("/api/v1/bundles", JAR, nextVersion());
        if (response.status() != 201 && response.status() != 200) {
            throw new AssertionError("upload of " + pilot.symbolicName() + ": " + response);
        }
        awaitReady();
    }

    /** Waits until the pilot's KPI can take measurements (after an update, the pilot restarts). */
    void awaitReady() {
        Await.await("KPI " + kpi() + " in the catalogue", () -> api.get("/api/v1/kpis/" + kpi()).status() == 200);
    }
}
