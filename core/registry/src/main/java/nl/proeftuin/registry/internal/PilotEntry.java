package nl.proeftuin.registry.internal;

import java.util.Comparator;
import nl.proeftuin.api.pilot.Contribution;

/**
 * One registered pilot service and what it returned.
 *
 * @param bundleId the registering bundle's id; earlier installed bundles hold their ids first
 * @param serviceId the service id, to order several pilot services of one bundle
 * @param symbolicName the bundle's symbolic name
 * @param version the bundle's version
 * @param declaredRegion the value of the bundle's {@code Proeftuin-Region} header, or null
 * @param contribution what {@code Pilot.contribution()} returned, or null when it failed
 * @param failure why {@code Pilot.contribution()} failed, or null when it returned
 */
record PilotEntry(long bundleId, long serviceId, String symbolicName, String version, String declaredRegion,
        Contribution contribution, String failure) {

    /** Installation order: the bundle installed first keeps an id that a later one also claims. */
    static final Comparator<PilotEntry> ORDER =
            Comparator.comparingLong(PilotEntry::bundleId).thenComparingLong(PilotEntry::serviceId);

    String label() {
        return symbolicName + " " + version;
    }
}
