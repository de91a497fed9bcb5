package nl.proeftuin.web.internal;

import java.util.List;

/**
 * The answer of {@code GET /api/health}.
 *
 * @param status {@code UP} when every core bundle is active, else {@code DEGRADED}
 * @param version the platform version
 * @param activeBundles how many bundles are active, core and pilots
 * @param totalBundles how many bundles are installed
 * @param inactiveCoreBundles symbolic names of core bundles that are not active (empty when {@code UP})
 * @param unavailableServices core services that are not (yet) there although their bundles are active, in words
 *     (empty when {@code UP}); e.g. the login check, which needs the database
 * @param uptimeSeconds seconds since the web bundle started
 */
record Health(String status, String version, int activeBundles, int totalBundles, List<String> inactiveCoreBundles,
        List<String> unavailableServices, long uptimeSeconds) {

    static final String UP = "UP";
    static final String DEGRADED = "DEGRADED";

    boolean up() {
        return UP.equals(status);
    }
}
