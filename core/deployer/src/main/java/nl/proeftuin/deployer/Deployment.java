package nl.proeftuin.deployer;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One file of {@code deploy/} and what became of it.
 *
 * @param fileName the file's name in {@code deploy/}
 * @param symbolicName the bundle's symbolic name, or null when the file is not a usable bundle
 * @param version the bundle's version, or null when unknown
 * @param bundleId the framework's id of the bundle, or -1 when nothing is installed from the file
 * @param region the region the manifest declares ({@code Proeftuin-Region}), or null (a library bundle)
 * @param state the state in one word
 * @param bundleState the framework's state of the bundle ({@code ACTIVE}, {@code INSTALLED}, ...), or null
 * @param problems what is wrong, each a sentence a regional team can act on; empty when it runs well
 * @param opgaven how many opgaven its pilot contributes to the catalogue
 * @param kpis how many KPIs its pilot contributes to the catalogue
 * @param screens how many screens its pilot contributes
 * @param exampleData true when the pilot marks its data as illustrative ("voorbeelddata")
 * @param changedAt when the file was last installed, updated or found invalid
 */
public record Deployment(String fileName, String symbolicName, String version, long bundleId, String region,
        DeploymentState state, String bundleState, List<String> problems, int opgaven, int kpis, int screens,
        boolean exampleData, Instant changedAt) {

    /**
     * Validates and copies.
     */
    public Deployment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(state, "state");
        problems = List.copyOf(problems);
    }
}
