package nl.proeftuin.launcher;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The launcher's part in class data sharing, which {@code bin/proeftuin} sets up: when the JVM records an archive of
 * the classes it loads (written when it stops), the script leaves the archive's key in a file named by the system
 * property {@code proeftuin.cds.recording}. Only a start that got to serve makes the key count: a start that
 * failed early would record an archive that lacks most of the platform's classes and would then be used for good.
 *
 * <p>Stateless; called by the thread that starts the platform.
 */
final class ClassDataSharing {

    static final String RECORDING_PROPERTY = "proeftuin.cds.recording";
    /** The key file beside the archive; {@code bin/proeftuin} uses the archive only when this file holds its key. */
    static final String KEY_FILE = "key";

    private ClassDataSharing() {
    }

    /**
     * Confirms the archive being recorded, if any: its key file becomes the one the next start checks.
     *
     * @return the confirmed key file, or null when this JVM records no archive
     * @throws IOException when the key file cannot be moved
     */
    static Path confirmRecording() throws IOException {
        String recording = System.getProperty(RECORDING_PROPERTY);
        if (recording == null || recording.isBlank()) {
            return null;
        }
        Path pending = Path.of(recording);
        if (!Files.isRegularFile(pending)) {
            return null; // another start on this home took it over; that one decides
        }
        Path key = pending.resolveSibling(KEY_FILE);
        try {
            Files.move(pending, key, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(pending, key, StandardCopyOption.REPLACE_EXISTING);
        }
        return key;
    }
}
