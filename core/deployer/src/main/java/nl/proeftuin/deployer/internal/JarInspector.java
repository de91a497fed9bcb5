package nl.proeftuin.deployer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;
import org.osgi.framework.Version;

/**
 * Reads what the deployer needs from a JAR and says in words why a file is not a usable bundle: not a JAR, beyond
 * the {@link ArchiveLimits}, no bundle manifest, or not signed as its region requires ({@link TrustPolicy}).
 */
final class JarInspector {

    static final String REGION_HEADER = "Proeftuin-Region";
    private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};

    private JarInspector() {
    }

    /**
     * What a JAR holds.
     *
     * @param symbolicName the Bundle-SymbolicName without directives, or null
     * @param version the Bundle-Version, or null
     * @param region the Proeftuin-Region header, or null
     * @param sha256 the hex SHA-256 of the file's bytes
     * @param problems why it cannot be deployed; empty when it can
     * @param mayBeIncomplete true when the problems may come from a copy still in progress (worth another look before
     *     calling the file invalid); false when the file is whole and simply not acceptable
     */
    record JarInfo(String symbolicName, String version, String region, String sha256, List<String> problems,
            boolean mayBeIncomplete) {

        /** What a JAR holds; a file without a readable symbolic name may still be being copied. */
        JarInfo(String symbolicName, String version, String region, String sha256, List<String> problems) {
            this(symbolicName, version, region, sha256, problems, symbolicName == null);
        }

        boolean usable() {
            return problems.isEmpty();
        }
    }

    /**
     * What every JAR is checked against besides being a bundle.
     *
     * @param limits how much it may hold
     * @param trust which JARs must be signed, and by whom
     */
    record Checks(ArchiveLimits limits, TrustPolicy trust) {
    }

    /**
     * Inspects a JAR.
     *
     * @param file the JAR; for a verdict that holds, a private copy nobody else writes
     * @param checks the limits and the trust policy
     * @return what it holds and why it cannot be deployed
     */
    static JarInfo inspect(Path file, Checks checks) {
        try {
            return inspect(file, sha256(file), checks);
        } catch (IOException e) {
            return new JarInfo(null, null, null, "", List.of("The file cannot be read: " + e.getMessage() + "."));
        }
    }

    /**
     * Inspects a JAR whose SHA-256 is known: the limits first (before anything unpacks it), then the manifest, then
     * the signature when its region requires one.
     *
     * @param file the JAR; for a verdict that holds, a private copy nobody else writes
     * @param sha the hex SHA-256 of its bytes
     * @param checks the limits and the trust policy
     * @return what it holds and why it cannot be deployed
     */
    static JarInfo inspect(Path file, String sha, Checks checks) {
        List<String> problems = new ArrayList<>();
        long size;
        try {
            size = Files.size(file);
            if (size == 0) {
                problems.add("The file is empty (0 bytes); expected a JAR file.");
                return new JarInfo(null, null, null, sha, problems);
            }
            if (!startsWithZipSignature(file)) {
                problems.add("The file is not a JAR: a JAR is a ZIP file, and this one does not start like one.");
                return new JarInfo(null, null, null, sha, problems);
            }
        } catch (IOException e) {
            problems.add("The file cannot be read: " + e.getMessage() + ".");
            return new JarInfo(null, null, null, sha, problems);
        }
        // before the manifest is read: a manifest can be a zip bomb too
        ArchiveScan.Verdict scan = ArchiveScan.check(file, size, checks.limits());
        if (!scan.problems().isEmpty()) {
            return new JarInfo(null, null, null, sha, scan.problems(), scan.damaged());
        }
        Manifest manifest;
        try (JarFile jar = new JarFile(file.toFile(), false)) {
            manifest = jar.getManifest();
            // reading every entry's header finds truncation the central directory alone may not show
            jar.stream().forEach(entry -> entry.getName());
        } catch (ZipException e) {
            problems.add("The JAR is damaged or incomplete (" + e.getMessage() + "); copy it again.");
            return new JarInfo(null, null, null, sha, problems);
        } catch (IOException | SecurityException e) {
            problems.add("The JAR cannot be read (" + e.getMessage() + ").");
            return new JarInfo(null, null, null, sha, problems);
        }
        if (manifest == null) {
            problems.add("The JAR has no manifest (META-INF/MANIFEST.MF); a pilot bundle needs one with "
                    + "Bundle-SymbolicName and " + REGION_HEADER + ".");
            return new JarInfo(null, null, null, sha, problems);
        }
        Attributes main = manifest.getMainAttributes();
        String symbolicName = symbolicName(main.getValue("Bundle-SymbolicName"));
        if (symbolicName == null) {
            problems.add("The manifest has no Bundle-SymbolicName: this is a plain JAR, not an OSGi bundle. "
                    + "Build it with bnd (bnd-maven-plugin) so that it gets one.");
        }
        String version = main.getValue("Bundle-Version");
        if (version != null) {
            try {
                version = Version.parseVersion(version.strip()).toString();
            } catch (IllegalArgumentException e) {
                problems.add("Bundle-Version \"" + version.strip() + "\" is not a valid OSGi version (expected for "
                        + "example 1.0.0 or 1.2.3.qualifier).");
            }
        } else {
            version = Version.emptyVersion.toString();
        }
        String region = main.getValue(REGION_HEADER);
        if (region != null) {
            region = region.strip();
            if (!region.matches("[a-z0-9]+(-[a-z0-9]+)*") || region.length() > 64) {
                problems.add(REGION_HEADER + " \"" + region + "\" is not a region id (expected lowercase letters, "
                        + "digits and single hyphens, for example \"zeeland\").");
            }
        }
        if (main.getValue("Fragment-Host") != null) {
            problems.add("The bundle is a fragment (Fragment-Host); pilots must be ordinary bundles.");
        }
        if (problems.isEmpty()) {
            problems.addAll(checks.trust().check(file, symbolicName + " " + version, region));
        }
        return new JarInfo(symbolicName, version, region, sha, problems);
    }

    private static String symbolicName(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        int directive = header.indexOf(';');
        String name = (directive >= 0 ? header.substring(0, directive) : header).strip();
        return name.isEmpty() ? null : name;
    }

    private static boolean startsWithZipSignature(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            if (head.length < 4) {
                return false;
            }
            for (int i = 0; i < 4; i++) {
                if (head[i] != ZIP_SIGNATURE[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0;) {
                    digest.update(buffer, 0, n);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
