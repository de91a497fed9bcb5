package nl.proeftuin.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * Prepares the home folder ({@code conf/}, {@code deploy/}, {@code data/}, {@code data/log/}) and holds a lock
 * on it so that two platforms never share one home.
 */
final class HomeDirectory implements AutoCloseable {

    private final FileChannel lockChannel;
    private final FileLock lock;

    private HomeDirectory(FileChannel lockChannel, FileLock lock) {
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Creates the folders the platform writes to, copies the default configuration into a new home, and locks it.
     *
     * @throws LaunchException in one line naming the folder and the reason
     */
    static HomeDirectory prepare(LaunchConfig config) throws LaunchException {
        Path home = config.home();
        createFolder(home);
        for (Path folder : new Path[] {config.confDir(), config.deployDir(), config.dataDir(), config.dataDir().resolve("log")}) {
            createFolder(folder);
        }
        copyDefaultConfiguration(config);
        Path probe = config.dataDir().resolve(".write-test");
        try {
            Files.deleteIfExists(probe);
            Files.createFile(probe);
            Files.delete(probe);
        } catch (IOException e) {
            throw homeProblem(config.dataDir(), e);
        }
        return lock(config.dataDir().resolve(".lock"), home);
    }

    private static void createFolder(Path folder) throws LaunchException {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw homeProblem(folder, e);
        }
        if (!Files.isWritable(folder)) {
            throw new LaunchException(LaunchException.HOME, "cannot write to " + folder + " (set PROEFTUIN_HOME to a writable folder)");
        }
    }

    /** A home other than the distribution starts with the distribution's documented defaults. */
    private static void copyDefaultConfiguration(LaunchConfig config) throws LaunchException {
        Path defaults = config.installDir().resolve("conf");
        if (defaults.equals(config.confDir()) || !Files.isDirectory(defaults)) {
            return;
        }
        try (Stream<Path> files = Files.list(defaults)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = config.confDir().resolve(file.getFileName().toString());
                if (Files.isRegularFile(file) && !Files.exists(target)) {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw homeProblem(config.confDir(), e);
        }
    }

    private static HomeDirectory lock(Path lockFile, Path home) throws LaunchException {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new LaunchException(LaunchException.HOME,
                        "another Proeftuin is already running with home " + home + " (stop it, or set PROEFTUIN_HOME to another folder)");
            }
            return new HomeDirectory(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new LaunchException(LaunchException.HOME, "home " + home + " is already in use by this process");
        } catch (IOException e) {
            closeQuietly(channel);
            throw homeProblem(lockFile, e);
        }
    }

    private static LaunchException homeProblem(Path path, IOException e) {
        String reason;
        if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof FileAlreadyExistsException) {
            reason = "a file is in the way where a folder is expected";
        } else if (e instanceof NoSuchFileException) {
            reason = "a parent folder does not exist";
        } else {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new LaunchException(LaunchException.HOME,
                "cannot write to " + path + ": " + reason + " (set PROEFTUIN_HOME to a writable folder)", e);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel close below releases it as well
        }
        closeQuietly(lockChannel);
    }
}
