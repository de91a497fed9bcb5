package nl.proeftuin.deployer.internal;

import java.time.Instant;

/**
 * What the deployer knows about one file of {@code deploy/}.
 *
 * @param fileName the file's name
 * @param size the size when last applied, to notice changes on a rescan
 * @param modified the modification time (ms) when last applied
 * @param sha256 the content last applied (installed or found invalid)
 * @param info what the last applied content holds
 * @param bundleId the installed bundle, or -1
 * @param installedSha256 the content of the installed bundle, or null
 * @param startFailure why the last start failed other than for missing requirements, or null
 * @param changedAt when this changed
 */
record FileRecord(String fileName, long size, long modified, String sha256, JarInspector.JarInfo info, long bundleId,
        String installedSha256, String startFailure, Instant changedAt) {

    boolean invalid() {
        return !info.usable();
    }

    FileRecord withInvalid(long newSize, long newModified, JarInspector.JarInfo newInfo) {
        return new FileRecord(fileName, newSize, newModified, newInfo.sha256(), newInfo, bundleId, installedSha256,
                startFailure, Instant.now());
    }

}
