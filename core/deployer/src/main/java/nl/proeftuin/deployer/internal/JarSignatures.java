package nl.proeftuin.deployer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.cert.CertPath;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Verifies a JAR's signature with the JDK ({@link JarFile} with verification): every entry is read in full, so that
 * each one's digest is checked against the signed manifest. Only which certificates signed it is found here;
 * whether they are trusted is {@link SignerTrust}'s part.
 *
 * <p>Run it only on a JAR that passed the {@link ArchiveScan}: it unpacks every entry.
 */
final class JarSignatures {

    /** What the verification found. */
    sealed interface Outcome permits Signed, Unsigned, PartlySigned, Tampered, MixedSigners, Unreadable {
    }

    /**
     * Every entry is signed, and these signers signed all of them.
     *
     * @param signers the certificate chains, signer first; at least one
     */
    record Signed(List<CertPath> signers) implements Outcome {
    }

    /**
     * No entry is signed.
     *
     * @param entry an entry without a signature, outside {@code META-INF/} when there is one
     */
    record Unsigned(String entry) implements Outcome {
    }

    /**
     * Some entries are signed, this one is not (added after signing, or left out of it).
     *
     * @param entry an entry without a signature, outside {@code META-INF/} when there is one
     */
    record PartlySigned(String entry) implements Outcome {
    }

    /**
     * Content does not match its signature.
     *
     * @param entry the entry whose digest does not match, or null when the manifest itself does not match
     * @param message the JDK's words
     */
    record Tampered(String entry, String message) implements Outcome {
    }

    /**
     * No one signer signed every entry.
     *
     * @param firstEntry an entry
     * @param firstSigners who signed it
     * @param otherEntry an entry none of those signed
     * @param otherSigners who signed that one
     */
    record MixedSigners(String firstEntry, List<CertPath> firstSigners, String otherEntry, List<CertPath> otherSigners)
            implements Outcome {
    }

    /**
     * The signature could not be checked at all.
     *
     * @param message why
     */
    record Unreadable(String message) implements Outcome {
    }

    private JarSignatures() {
    }

    /**
     * Verifies a JAR.
     *
     * @param file the JAR, a private copy nobody else writes
     * @return what was found
     */
    static Outcome verify(Path file) {
        String current = null;
        try (JarFile jar = new JarFile(file.toFile(), true)) {
            Map<Certificate, CertPath> common = null;
            String firstEntry = null;
            List<CertPath> firstSigners = null;
            String firstUnsigned = null;
            boolean firstUnsignedInMetaInf = false;
            boolean anySigned = false;
            for (JarEntry entry : Collections.list(jar.entries())) {
                current = entry.getName();
                // the JDK checks an entry's digest while it is read, and knows its signers only after the last byte
                try (InputStream in = jar.getInputStream(entry)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                if (entry.isDirectory() || isSignatureFile(current)) {
                    continue;
                }
                CodeSigner[] signers = entry.getCodeSigners();
                if (signers == null || signers.length == 0) {
                    // a class says more to a team than META-INF/maven/.../pom.properties: name code first
                    boolean metaInf = current.toUpperCase(Locale.ROOT).startsWith("META-INF/");
                    if (firstUnsigned == null || (!metaInf && firstUnsignedInMetaInf)) {
                        firstUnsigned = current;
                        firstUnsignedInMetaInf = metaInf;
                    }
                    continue;
                }
                anySigned = true;
                Map<Certificate, CertPath> these = bySigner(signers);
                if (common == null) {
                    common = these;
                    firstEntry = current;
                    firstSigners = List.copyOf(these.values());
                } else {
                    common.keySet().retainAll(these.keySet());
                    if (common.isEmpty()) {
                        return new MixedSigners(firstEntry, firstSigners, current, List.copyOf(these.values()));
                    }
                }
            }
            if (firstUnsigned != null) {
                return anySigned ? new PartlySigned(firstUnsigned) : new Unsigned(firstUnsigned);
            }
            if (common == null) {
                return new Unsigned("(the JAR has no entries besides its manifest)");
            }
            return new Signed(List.copyOf(common.values()));
        } catch (SecurityException e) {
            // a digest that does not match shows up while its entry is read; the manifest's main attributes are
            // checked when the signature files are, before the first entry
            boolean manifest = e.getMessage() != null && e.getMessage().contains("Manifest main attributes");
            return new Tampered(manifest ? null : current, e.getMessage());
        } catch (IOException e) {
            return new Unreadable(e.getMessage());
        }
    }

    private static Map<Certificate, CertPath> bySigner(CodeSigner[] signers) {
        Map<Certificate, CertPath> bySigner = new LinkedHashMap<>();
        for (CodeSigner signer : signers) {
            List<? extends Certificate> chain = signer.getSignerCertPath().getCertificates();
            if (!chain.isEmpty()) {
                bySigner.put(chain.get(0), signer.getSignerCertPath());
            }
        }
        return bySigner;
    }

    /**
     * The files that make up a signature, which are not signed themselves: the manifest and, directly in
     * {@code META-INF/}, the signature files ({@code .SF}) and their blocks ({@code .RSA}, {@code .DSA}, {@code .EC},
     * {@code SIG-*}). Every other entry, also elsewhere in {@code META-INF/}, must be signed.
     */
    static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        String file = upper.substring("META-INF/".length());
        return file.equals("MANIFEST.MF") || file.endsWith(".SF") || file.endsWith(".RSA") || file.endsWith(".DSA")
                || file.endsWith(".EC") || file.startsWith("SIG-");
    }
}
