package nl.proeftuin.deployer.internal;

import java.util.function.Supplier;
import nl.proeftuin.deployer.Deployment;
import nl.proeftuin.security.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the changes the deployer finds by itself to the audit log, as {@link AuditLog#SYSTEM}; changes through the
 * deployer's API are left to the caller (see {@link ChangeOrigin}). The audit log is optional: without it nothing is
 * recorded, and the deployer works the same.
 *
 * <p>Thread safety: called on the deployer's thread; the audit log may come and go at any time.
 */
final class DeployAudit {

    private static final Logger LOG = LoggerFactory.getLogger(DeployAudit.class);

    private final Supplier<AuditLog> auditLog;

    /** @param auditLog the audit log now, or null when there is none */
    DeployAudit(Supplier<AuditLog> auditLog) {
        this.auditLog = auditLog;
    }

    /** A bundle installed from a file; recorded unless it came through the deployer's API. */
    void deployed(ChangeOrigin origin, Deployment deployment) {
        record(origin, AuditLog.BUNDLE_DEPLOY, deployment.symbolicName(), facts(deployment, origin));
    }

    /** A bundle updated from its file's new content; recorded unless it came through the deployer's API. */
    void updated(ChangeOrigin origin, Deployment deployment) {
        record(origin, AuditLog.BUNDLE_UPDATE, deployment.symbolicName(), facts(deployment, origin));
    }

    /** A bundle uninstalled; recorded unless it came through the deployer's API. */
    void removed(ChangeOrigin origin, String symbolicName, String detail) {
        record(origin, AuditLog.BUNDLE_REMOVE, symbolicName == null ? "" : symbolicName, detail);
    }

    /** A file refused, with the reasons; recorded unless it came through the deployer's API. */
    void refused(ChangeOrigin origin, String fileName, String symbolicName, String reasons) {
        record(origin, AuditLog.BUNDLE_REFUSED, symbolicName != null ? symbolicName : "deploy/" + fileName,
                "deploy/" + fileName + ": " + reasons + because(origin));
    }

    private static String facts(Deployment deployment, ChangeOrigin origin) {
        return "version " + deployment.version() + (deployment.region() == null ? "" : ", region " + deployment.region())
                + ", from deploy/" + deployment.fileName() + because(origin);
    }

    private static String because(ChangeOrigin origin) {
        return origin == ChangeOrigin.SETTINGS ? " (checked again after the deployer's settings or truststore changed)" : "";
    }

    private void record(ChangeOrigin origin, String action, String target, String detail) {
        if (!origin.auditedByDeployer()) {
            return;
        }
        AuditLog log = auditLog.get();
        if (log == null) {
            LOG.debug("No audit log: not recorded {} {} {}", action, target, detail);
            return;
        }
        try {
            log.record(AuditLog.SYSTEM, action, target, detail);
        } catch (RuntimeException e) {
            // the contract says record() does not throw; a broken implementation must still not stop a deployment
            LOG.warn("Could not write to the audit log: {} {} {} ({})", action, target, detail, e.toString());
        }
    }
}
