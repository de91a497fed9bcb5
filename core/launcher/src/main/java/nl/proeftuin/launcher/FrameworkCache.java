package nl.proeftuin.launcher;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The framework's bundle cache ({@code data/cache/framework}), kept from one start to the next as long as the
 * distribution is the same. Installing the core bundles into an empty cache costs a good part of a start; a cache
 * from an earlier start already holds them.
 *
 * <p>The cache is trusted only when a stamp written after an earlier successful start names exactly the JARs of
 * {@code lib/} and {@code system/} as they are now (name, size, modification time): a rebuilt or upgraded
 * distribution therefore starts from a clean cache, once. The stamp is removed before anything can make the cache
 * inconsistent (a clean start, a failed start), so a half-built cache is never trusted.
 *
 * <p>Not thread-safe: used by the thread that starts the platform.
 */
final class FrameworkCache {

    private static final String STAMP_FORMAT = "proeftuin-framework-cache 1";

    private final Path storage;
    private final Path stampFile;
    private final String stamp;

    private FrameworkCache(Path storage, Path stampFile, String stamp) {
        this.storage = storage;
        this.stampFile = stampFile;
        this.stamp = stamp;
    }

    /**
     * Describes the cache of a home for the given class path and core bundles.
     *
     * @param dataDir the home's {@code data/} folder
     * @param jars the JARs the cache depends on: the framework's class path and the core bundles, in a stable order
     * @param variant what else decides the cache's content (which core bundles are installed)
     * @throws LaunchException when a JAR cannot be read
     */
    static FrameworkCache of(Path dataDir, List<Path> jars, String variant) throws LaunchException {
        StringBuilder stamp = new StringBuilder(STAMP_FORMAT).append('\n').append(variant).append('\n');
        for (Path jar : jars) {
            try {
                stamp.append(jar.toAbsolutePath()).append(' ').append(Files.size(jar)).append(' ')
                        .append(Files.getLastModifiedTime(jar).toMillis()).append('\n');
            } catch (IOException e) {
                throw new LaunchException(LaunchException.STARTUP, "cannot read " + jar + ": " + e.getMessage(), e);
            }
        }
        Path cache = dataDir.resolve("cache");
        return new FrameworkCache(cache.resolve("framework"), cache.resolve("framework.stamp"), stamp.toString());
    }

    /** The folder the framework keeps its bundles in. */
    Path storage() {
        return storage;
    }

    /** True when an earlier start left a complete cache for exactly these JARs. */
    boolean reusable() {
        try {
            return Files.isDirectory(storage) && Files.isRegularFile(stampFile) && Files.readString(stampFile).equals(stamp);
        } catch (IOException | RuntimeException e) {
            return false; // unreadable or not text: start clean
        }
    }

    /** Stops trusting the cache, before it is rebuilt or after a start that failed with it. */
    void forget() {
        try {
            Files.deleteIfExists(stampFile);
        } catch (IOException e) {
            // a stamp that cannot be deleted cannot be trusted either: make it unequal
            try {
                Files.writeString(stampFile, "");
            } catch (IOException ignored) {
                // nothing more we can do; the framework still checks the bundles it finds (see Platform)
            }
        }
    }

    /** Trusts the cache from now on: called once the platform started with it. */
    void remember() throws IOException {
        Path temp = stampFile.resolveSibling(stampFile.getFileName() + ".tmp");
        Files.writeString(temp, stamp);
        try {
            Files.move(temp, stampFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, stampFile, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
