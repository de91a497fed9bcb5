package nl.proeftuin.deployer.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Private copies of the JARs in {@code deploy/}, in the deployer bundle's own data area: a JAR is checked and
 * installed from its copy, so nobody who can write to {@code deploy/} can change it between the check and the
 * install. A copy lives only while its JAR is applied.
 *
 * <p>Thread safety: used on the deployer's thread; each copy has a name of its own.
 */
final class Staging {

    private static final Logger LOG = LoggerFactory.getLogger(Staging.class);

    private final Path folder;

    /**
     * Prepares the folder and removes copies left by a crash.
     *
     * @param dataFolder the folder in the bundle's data area, or null when the framework has none (then a temporary
     *     folder is used)
     * @throws IOException when the folder cannot be made
     */
    Staging(File dataFolder) throws IOException {
        this.folder = dataFolder != null ? Files.createDirectories(dataFolder.toPath())
                : Files.createTempDirectory("proeftuin-staging");
        try (Stream<Path> leftovers = Files.list(folder)) {
            for (Path leftover : (Iterable<Path>) leftovers::iterator) {
                Files.deleteIfExists(leftover);
            }
        } catch (IOException e) {
            LOG.warn("Cannot clean {}: {}", folder, e.getMessage());
        }
    }

    /**
     * Copies a file; the caller deletes the copy.
     *
     * @param file the file in {@code deploy/}
     * @return the copy
     * @throws IOException when it cannot be copied
     */
    Path copyOf(Path file) throws IOException {
        Path copy = Files.createTempFile(folder, "staged-", ".jar");
        try {
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
    }
}
