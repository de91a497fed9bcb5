package nl.proeftuin.deployer.internal;

import java.nio.file.Path;
import java.security.cert.CertPath;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.security.auth.x500.X500Principal;

/**
 * Which JARs must be signed, and by whom: the regions of {@code requireSignatureFor} (or {@code *}, every JAR), and
 * for each region the certificates of the truststore whose alias is {@code <region>}, starts with
 * {@code <region>.}, is {@code any} or starts with {@code any.}. A JAR without a region (a library bundle) is
 * covered only by {@code *}, and then only {@code any} certificates are trusted for it.
 *
 * <p>Immutable apart from the truststore, which is re-read when its file changes. Thread safety: may be called from
 * any thread.
 */
final class TrustPolicy {

    static final String EVERY_JAR = "*";
    static final String ANY = "any";

    private final Set<String> regions;
    private final boolean everyJar;
    private final Truststore truststore;
    private final String truststoreName;

    private TrustPolicy(Set<String> regions, Truststore truststore, String truststoreName) {
        this.regions = regions;
        this.everyJar = regions.contains(EVERY_JAR);
        this.truststore = truststore;
        this.truststoreName = truststoreName;
    }

    /**
     * The policy a configuration sets.
     *
     * @param config the deployer's settings
     * @param home the platform's home folder, against which a relative truststore path is resolved
     * @return the policy
     */
    static TrustPolicy of(DeployerConfig config, Path home) {
        Set<String> regions = new TreeSet<>();
        for (String value : config.requireSignatureFor()) {
            // a .cfg file gives one string; a list may be written with commas
            for (String region : value.split(",")) {
                if (!region.isBlank()) {
                    regions.add(region.strip());
                }
            }
        }
        String name = config.truststore().isBlank() ? "conf/truststore.p12" : config.truststore().strip();
        Path file = home.resolve(name).toAbsolutePath().normalize();
        return new TrustPolicy(Set.copyOf(regions), new Truststore(file, config.truststorePassword()), name);
    }

    /** The region ids (or {@code *}) that require a signature. */
    Set<String> regions() {
        return regions;
    }

    /** True when at least one JAR needs a signature. */
    boolean active() {
        return !regions.isEmpty();
    }

    /**
     * Whether a JAR of a region must be signed.
     *
     * @param region the JAR's {@code Proeftuin-Region}, or null for a library bundle
     * @return true when it must be signed
     */
    boolean requiresSignature(String region) {
        return everyJar || (region != null && regions.contains(region));
    }

    /**
     * A value that changes when the truststore file changes, so that the JARs can be checked again.
     *
     * @return the truststore's stamp, or null when no signature is required
     */
    Object truststoreStamp() {
        return active() ? truststore.stamp() : null;
    }

    /**
     * Checks a JAR's signature when its region requires one.
     *
     * @param jar the JAR, a private copy nobody else writes, that passed the {@link ArchiveScan}
     * @param bundle the bundle's name and version for the sentence, e.g. {@code nl.example.pilot 1.0.0}
     * @param region the JAR's region, or null
     * @return why it is refused, each a sentence; empty when it may be installed
     */
    List<String> check(Path jar, String bundle, String region) {
        if (!requiresSignature(region)) {
            return List.of();
        }
        String scope = region == null ? "every JAR (requireSignatureFor=*), also one without " + JarInspector.REGION_HEADER
                : "region \"" + region + "\"";
        Truststore.Contents contents = truststore.contents();
        if (contents.error() != null) {
            String where = Path.of(truststoreName).isAbsolute() ? "" : " (" + truststore.file() + ")";
            return List.of("Bundle " + bundle + " cannot be accepted: " + scope + " requires a signed JAR, but the truststore "
                    + truststoreName + where + " cannot be read: " + contents.error()
                    + ". No JAR that needs a signature is accepted until it can.");
        }
        Map<String, X509Certificate> trusted = trustedFor(contents.certificates(), region);
        String trustedWords = trustedWords(trusted, region);
        JarSignatures.Outcome outcome = JarSignatures.verify(jar);
        if (outcome instanceof JarSignatures.Unsigned unsigned) {
            return List.of("Bundle " + bundle + " is not signed (entry " + unsigned.entry() + " has no signature); " + scope
                    + " requires a JAR signed with a certificate from " + truststoreName + " (" + trustedWords + ").");
        }
        if (outcome instanceof JarSignatures.PartlySigned partly) {
            return List.of("Bundle " + bundle + " is not signed completely: entry " + partly.entry() + " has no signature "
                    + "(it was added after signing, or left out); " + scope + " requires every entry to be signed.");
        }
        if (outcome instanceof JarSignatures.Tampered tampered) {
            return List.of("Bundle " + bundle + " was changed after signing ("
                    + (tampered.entry() == null ? "its manifest" : tampered.entry()) + " does not match its signature: "
                    + tampered.message() + ").");
        }
        if (outcome instanceof JarSignatures.MixedSigners mixed) {
            return List.of("Bundle " + bundle + " is signed by different signers (entry " + mixed.firstEntry() + " by "
                    + names(mixed.firstSigners()) + ", entry " + mixed.otherEntry() + " by " + names(mixed.otherSigners())
                    + "); every entry must be signed by the same signer.");
        }
        if (outcome instanceof JarSignatures.Unreadable unreadable) {
            return List.of("The signature of bundle " + bundle + " cannot be checked (" + unreadable.message() + ").");
        }
        List<CertPath> signers = ((JarSignatures.Signed) outcome).signers();
        Instant now = Instant.now();
        SignerTrust.Verdict first = null;
        for (CertPath signer : signers) {
            SignerTrust.Verdict verdict = SignerTrust.judge(signer, trusted.values(), now);
            if (verdict.kind() == SignerTrust.Kind.TRUSTED) {
                return List.of();
            }
            first = first == null ? verdict : first;
        }
        return List.of(refusal(bundle, scope, first, names(signers), trustedWords));
    }

    private static String refusal(String bundle, String scope, SignerTrust.Verdict verdict, String signers, String trustedWords) {
        String certificate = name(verdict.certificate());
        return switch (verdict.kind()) {
            case EXPIRED -> "Bundle " + bundle + " is signed by " + signers + ", but certificate " + certificate
                    + " expired on " + verdict.certificate().getNotAfter().toInstant().truncatedTo(ChronoUnit.SECONDS) + "; "
                    + scope + " requires a certificate that is valid now (renew it, sign again, and have the new "
                    + "certificate added to the truststore).";
            case NOT_YET_VALID -> "Bundle " + bundle + " is signed by " + signers + ", but certificate " + certificate
                    + " is not valid until " + verdict.certificate().getNotBefore().toInstant().truncatedTo(ChronoUnit.SECONDS)
                    + "; " + scope + " requires a certificate that is valid now.";
            case INVALID_CHAIN -> "Bundle " + bundle + " is signed by " + signers + ", whose certificate chain does not "
                    + "validate against the certificates trusted for " + scope + " (" + verdict.detail() + ").";
            default -> "Bundle " + bundle + " is signed by " + signers + ", which is not trusted for " + scope + " ("
                    + trustedWords + ").";
        };
    }

    private String trustedWords(Map<String, X509Certificate> trusted, String region) {
        String forWhom = region == null ? "every region" : region;
        if (trusted.isEmpty()) {
            return "no certificate in it is trusted for " + forWhom + "; an administrator adds one with alias "
                    + (region == null ? ANY + ".<name>" : region + ".<name>");
        }
        return "trusted for " + forWhom + ": " + String.join(", ", trusted.keySet());
    }

    private static Map<String, X509Certificate> trustedFor(Map<String, X509Certificate> all, String region) {
        Map<String, X509Certificate> trusted = new LinkedHashMap<>();
        all.forEach((alias, certificate) -> {
            if (isFor(alias, ANY) || (region != null && isFor(alias, region))) {
                trusted.put(alias, certificate);
            }
        });
        return trusted;
    }

    private static boolean isFor(String alias, String region) {
        return alias.equals(region) || alias.startsWith(region + ".");
    }

    private static String names(List<CertPath> signers) {
        List<String> names = new ArrayList<>();
        for (CertPath signer : signers) {
            names.add(name((X509Certificate) signer.getCertificates().get(0)));
        }
        return names.stream().distinct().collect(Collectors.joining(" and "));
    }

    private static String name(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName(X500Principal.RFC1779);
    }
}
