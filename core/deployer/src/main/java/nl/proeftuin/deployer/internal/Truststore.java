package nl.proeftuin.deployer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The PKCS12 file of trusted certificates, read again whenever it changes, so that an administrator who adds a
 * certificate need not restart anything.
 *
 * <p>Thread safety: may be called from any thread.
 */
final class Truststore {

    /**
     * The certificates by alias (lowercase), or why the file cannot be used.
     *
     * @param certificates alias to certificate; empty when unreadable
     * @param error why the file cannot be read, or null
     */
    record Contents(Map<String, X509Certificate> certificates, String error) {
    }

    private final Path file;
    private final char[] password;
    private Object loadedStamp;
    private Contents loaded;

    /**
     * Describes the file; nothing is read yet.
     *
     * @param file the absolute path
     * @param password its password, empty for none
     */
    Truststore(Path file, String password) {
        this.file = file;
        this.password = password.toCharArray();
    }

    /** The file. */
    Path file() {
        return file;
    }

    /**
     * What identifies the file's current version: its size and time, or its absence.
     *
     * @return a value that changes when the file does
     */
    Object stamp() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.size() + "@" + attributes.lastModifiedTime().toMillis() + "#" + attributes.fileKey();
        } catch (IOException e) {
            return "unreadable: " + e.getClass().getSimpleName();
        }
    }

    /**
     * The certificates, read from the file when it changed since the last call.
     *
     * @return the contents
     */
    synchronized Contents contents() {
        Object stamp = stamp();
        if (loaded == null || !Objects.equals(stamp, loadedStamp)) {
            loaded = read();
            loadedStamp = stamp;
        }
        return loaded;
    }

    private Contents read() {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            Map<String, X509Certificate> certificates = new TreeMap<>();
            for (String alias : Collections.list(store.aliases())) {
                Certificate certificate = store.getCertificate(alias);
                if (certificate instanceof X509Certificate x509) {
                    certificates.put(alias.toLowerCase(Locale.ROOT), x509);
                }
            }
            return new Contents(Collections.unmodifiableMap(certificates), null);
        } catch (NoSuchFileException e) {
            return new Contents(Map.of(), "the file does not exist");
        } catch (IOException e) {
            // PKCS12 reports a wrong password as an IOException whose cause is an UnrecoverableKeyException
            String cause = e.getCause() != null ? e.getCause().getMessage() : null;
            boolean password = e.getMessage() != null && e.getMessage().contains("password");
            return new Contents(Map.of(), password ? "the password is wrong (setting truststorePassword)"
                    : e.getMessage() + (cause != null ? " (" + cause + ")" : ""));
        } catch (GeneralSecurityException e) {
            return new Contents(Map.of(), e.getMessage());
        }
    }
}
