package nl.proeftuin.deployer.internal;

/**
 * Where a change to the pilot bundles came from, which decides who writes it to the audit log.
 *
 * <p>A change made through the {@link nl.proeftuin.deployer.Deployer} methods (an upload or a delete in the web UI
 * or API) is recorded by the caller, which knows the acting user; the deployer records nothing for it, or the audit
 * log would list it twice, once without the user. A change the deployer finds by itself (a JAR copied into,
 * replaced in or deleted from {@code deploy/} by hand, or a changed trust setting) has no known user and is recorded
 * by the deployer as {@link nl.proeftuin.security.AuditLog#SYSTEM}.
 */
enum ChangeOrigin {

    /** Through {@code Deployer.deploy} or {@code Deployer.remove}: the caller records it with its user. */
    DEPLOYER_API,
    /** Found in {@code deploy/} (by the watcher, the rescan, or at start): recorded here as the system. */
    DEPLOY_FOLDER,
    /** The deployer's settings or the truststore changed and a JAR was checked again: recorded here as the system. */
    SETTINGS;

    /** True when the deployer itself writes the change to the audit log. */
    boolean auditedByDeployer() {
        return this != DEPLOYER_API;
    }
}
