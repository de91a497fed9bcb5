package nl.proeftuin.web.internal;

import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

/**
 * Decides whether the platform is healthy from the bundles' states. Pilot bundles (those that declare a region)
 * and anything installed from {@code deploy/} do not count: a broken pilot is reported on its own and never makes
 * the platform unhealthy.
 */
final class HealthCheck {

    static final String PILOT_HEADER = "Proeftuin-Region";
    static final String DEPLOYED_LOCATION_PREFIX = "proeftuin:deploy/";

    private HealthCheck() {
    }

    static Health evaluate(Bundle[] bundles, String version, long uptimeSeconds) {
        return evaluate(bundles, List.of(), version, uptimeSeconds);
    }

    /**
     * @param unavailableServices core services missing although their bundles may be active, in words
     */
    static Health evaluate(Bundle[] bundles, List<String> unavailableServices, String version, long uptimeSeconds) {
        int active = 0;
        List<String> inactiveCore = new ArrayList<>();
        for (Bundle bundle : bundles) {
            if (bundle.getState() == Bundle.ACTIVE) {
                active++;
            } else if (isCore(bundle)) {
                inactiveCore.add(bundle.getSymbolicName());
            }
        }
        String status = inactiveCore.isEmpty() && unavailableServices.isEmpty() ? Health.UP : Health.DEGRADED;
        return new Health(status, version, active, bundles.length, List.copyOf(inactiveCore),
                List.copyOf(unavailableServices), uptimeSeconds);
    }

    private static boolean isCore(Bundle bundle) {
        var headers = bundle.getHeaders("");
        String location = bundle.getLocation();
        return headers.get(PILOT_HEADER) == null && headers.get(Constants.FRAGMENT_HOST) == null
                && (location == null || !location.startsWith(DEPLOYED_LOCATION_PREFIX))
                && bundle.getState() != Bundle.UNINSTALLED;
    }
}
