package nl.proeftuin.deployer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertPath;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import jdk.security.jarsigner.JarSigner;

/** Keys made with the JDK's keytool, a truststore, and JARs signed with the JDK's JarSigner: as a team does it. */
final class TestKeys {

    static final String PASSWORD = "test-secret";

    private final Path folder;
    private final Path keystore;

    TestKeys(Path folder) {
        this.folder = folder;
        this.keystore = folder.resolve("signers.p12");
    }

    /** Runs keytool with the keystore and its password, failing with keytool's output. */
    void keytool(String... arguments) throws IOException, InterruptedException {
        // a short-lived tool: the quick compiler and a simple collector halve its start-up
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-noprompt"));
        command.addAll(Arrays.asList(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", arguments) + " failed: " + output);
        }
    }

    /** A self-signed EC key pair. */
    void selfSigned(String alias, String dname, String... validity) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", dname));
        arguments.addAll(Arrays.asList(validity.length == 0 ? new String[] {"-validity", "30"} : validity));
        keytool(arguments.toArray(String[]::new));
    }

    /** A key pair whose certificate is issued by the CA key {@code issuer} (the chain is stored with the key). */
    void issuedBy(String alias, String dname, String issuer) throws IOException, InterruptedException {
        selfSigned(alias, dname);
        Path request = folder.resolve(alias + ".csr");
        Path issued = folder.resolve(alias + ".cer");
        keytool("-certreq", "-alias", alias, "-file", request.toString());
        keytool("-gencert", "-alias", issuer, "-infile", request.toString(), "-outfile", issued.toString(), "-validity", "30", "-rfc");
        Path caCert = folder.resolve(issuer + ".cer");
        keytool("-exportcert", "-alias", issuer, "-file", caCert.toString(), "-rfc");
        // the reply must contain the whole chain: the issued certificate followed by the CA's
        byte[] chain = concat(Files.readAllBytes(issued), Files.readAllBytes(caCert));
        Files.write(issued, chain);
        keytool("-importcert", "-alias", alias, "-file", issued.toString());
    }

    X509Certificate certificate(String alias) throws IOException, GeneralSecurityException {
        return (X509Certificate) load().getCertificate(alias);
    }

    /** A PKCS12 truststore holding the given certificates under the given aliases. */
    Path truststore(String fileName, Map<String, X509Certificate> certificates) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (Map.Entry<String, X509Certificate> entry : certificates.entrySet()) {
            store.setCertificateEntry(entry.getKey(), entry.getValue());
        }
        Path file = folder.resolve(fileName);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return file;
    }

    /** Signs a JAR with a key of the keystore. */
    byte[] sign(byte[] jar, String alias) throws IOException, GeneralSecurityException {
        KeyStore store = load();
        PrivateKey key = (PrivateKey) store.getKey(alias, PASSWORD.toCharArray());
        CertPath chain = CertificateFactory.getInstance("X.509").generateCertPath(Arrays.asList(store.getCertificateChain(alias)));
        Path unsigned = Files.createTempFile(folder, "unsigned-", ".jar");
        Files.write(unsigned, jar);
        try (ZipFile zip = new ZipFile(unsigned.toFile()); java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            new JarSigner.Builder(key, chain).build().sign(zip, out);
            return out.toByteArray();
        }
    }

    private KeyStore load() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
