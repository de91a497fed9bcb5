package nl.proeftuin.registry;

import java.util.List;
import java.util.Objects;

/**
 * What became of one pilot's contribution.
 *
 * @param bundleId the id of the bundle that registered the pilot service
 * @param symbolicName the bundle's symbolic name
 * @param version the bundle's version
 * @param declaredRegion the region the bundle's manifest declares ({@code Proeftuin-Region}), or null when missing
 * @param accepted true when the contribution is in the catalogue
 * @param problems why the contribution was refused, each a sentence naming the element, what was found and what
 *     was expected; empty when accepted
 * @param opgaven how many opgaven it contributes (0 when refused)
 * @param kpis how many KPIs it contributes (0 when refused)
 * @param screens how many screens it contributes (0 when refused)
 * @param exampleData true when the pilot marks its data as illustrative ("voorbeelddata")
 */
public record PilotStatus(long bundleId, String symbolicName, String version, String declaredRegion, boolean accepted,
        List<String> problems, int opgaven, int kpis, int screens, boolean exampleData) {

    /**
     * Validates and copies.
     */
    public PilotStatus {
        Objects.requireNonNull(symbolicName, "symbolicName");
        Objects.requireNonNull(version, "version");
        problems = List.copyOf(problems);
    }
}
