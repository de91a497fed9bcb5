package nl.proeftuin.itest.trust;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertPath;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Keys, certificates, a truststore and signed JARs, made at test time with the JDK as a regional team and an
 * administrator make them: {@code keytool -genkeypair} for a key, a PKCS12 truststore of certificates, and the JDK's
 * {@code jdk.security.jarsigner.JarSigner} (the API behind the {@code jarsigner} tool) to sign.
 */
final class Signing {

    /** The password of the signers' keystore and of every truststore made here. */
    static final String PASSWORD = "itest-signing-secret";

    private final Path folder;
    private final Path keystore;

    private Signing(Path folder) {
        this.folder = folder;
        this.keystore = folder.resolve("signers.p12");
    }

    /** A fresh folder for keys; {@link #delete} removes it. */
    static Signing create() {
        try {
            return new Signing(Files.createTempDirectory("proeftuin-signing-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes an EC key pair with a self-signed certificate, as {@code keytool -genkeypair} does for a regional team.
     *
     * @param alias its name in the signers' keystore
     * @param dname the certificate's subject, e.g. {@code CN=Zeeland team, O=Provincie Zeeland}
     * @param validity keytool's validity options; none means 30 days from now
     */
    void keyPair(String alias, String dname, String... validity) {
        List<String> arguments = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", dname));
        arguments.addAll(Arrays.asList(validity.length == 0 ? new String[] {"-validity", "30"} : validity));
        keytool(arguments);
    }

    /** The certificate of a key pair. */
    X509Certificate certificate(String alias) {
        try {
            return (X509Certificate) signers().getCertificate(alias);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("certificate " + alias + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a PKCS12 truststore (replacing the file in one step, as an administrator's tool should).
     *
     * @param fileName the file in the keys folder
     * @param certificates alias to certificate
     * @return the file
     */
    Path truststore(String fileName, Map<String, X509Certificate> certificates) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (Map.Entry<String, X509Certificate> entry : certificates.entrySet()) {
                store.setCertificateEntry(entry.getKey(), entry.getValue());
            }
            Path file = folder.resolve(fileName);
            Path part = folder.resolve(fileName + ".part");
            try (OutputStream out = Files.newOutputStream(part)) {
                store.store(out, PASSWORD.toCharArray());
            }
            return Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("truststore " + fileName + ": " + e.getMessage(), e);
        }
    }

    /**
     * Signs a JAR with a key pair, as {@code jarsigner -keystore signers.p12 pilot.jar <alias>} does.
     *
     * @param jar the JAR
     * @param alias the key pair
     * @return the signed JAR
     */
    byte[] sign(byte[] jar, String alias) {
        try {
            KeyStore store = signers();
            PrivateKey key = (PrivateKey) store.getKey(alias, PASSWORD.toCharArray());
            CertPath chain = CertificateFactory.getInstance("X.509").generateCertPath(Arrays.asList(store.getCertificateChain(alias)));
            Path unsigned = Files.createTempFile(folder, "unsigned-", ".jar");
            Files.write(unsigned, jar);
            try (ZipFile zip = new ZipFile(unsigned.toFile()); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                JarSignerApi.sign(key, chain, zip, out);
                return out.toByteArray();
            } finally {
                Files.deleteIfExists(unsigned);
            }
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("signing with " + alias + ": " + e.getMessage(), e);
        }
    }

    /** Removes the keys folder. */
    void delete() {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private KeyStore signers() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private void keytool(List<String> arguments) {
        // a short-lived tool: the quick compiler and a simple collector halve its start-up
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-noprompt"));
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", arguments) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }
}
