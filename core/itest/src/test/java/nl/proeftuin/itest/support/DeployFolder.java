package nl.proeftuin.itest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.osgi.framework.BundleContext;

/**
 * The platform's {@code deploy/} folder (framework property {@code proeftuin.deploy}), as a regional team or an
 * administrator uses it. Remembers every file a test put there, directly or by upload, so that
 * {@link #removeAll} leaves the folder as it found it.
 */
public final class DeployFolder {

    private final Path folder;
    private final Api api;
    private final Set<String> touched = new LinkedHashSet<>();

    private DeployFolder(Path folder, Api api) {
        this.folder = folder;
        this.api = api;
    }

    /**
     * Opens the folder the deployer watches.
     *
     * @param context any bundle context
     * @param api the API, to wait for the deployer's answers
     * @return the folder
     */
    public static DeployFolder of(BundleContext context, Api api) {
        String property = context.getProperty("proeftuin.deploy");
        if (property == null) {
            throw new AssertionError("framework property proeftuin.deploy is not set; see itest.bndrun");
        }
        return new DeployFolder(Path.of(property), api);
    }

    public Path path(String fileName) {
        return folder.resolve(fileName);
    }

    /**
     * Puts a file into the folder the way a careful tool does: written under a hidden temporary name, then renamed
     * into place in one atomic step (replacing an older file of that name).
     *
     * @param fileName the name in {@code deploy/}
     * @param bytes the content
     * @return the file
     */
    public Path drop(String fileName, byte[] bytes) {
        Path part = folder.resolve("." + fileName + ".part");
        try {
            Files.write(part, bytes);
            touched.add(fileName);
            return Files.move(part, folder.resolve(fileName), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops a generated bundle under its usual file name. */
    public Path drop(FixtureJars.Builder bundle) {
        return drop(bundle.fileName(), bundle.build());
    }

    /**
     * Overwrites a file in place, as {@code cp} does: the deployer sees it shrink to nothing and grow again.
     *
     * @param fileName the name in {@code deploy/}
     * @param bytes the new content
     */
    public void overwrite(String fileName, byte[] bytes) {
        try {
            touched.add(fileName);
            Files.write(folder.resolve(fileName), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a file, as an administrator removes a pilot. */
    public void delete(String fileName) {
        try {
            Files.deleteIfExists(folder.resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Remembers a file that reached the folder another way (an upload), so that {@link #removeAll} deletes it. */
    public void track(String fileName) {
        touched.add(fileName);
    }

    /** Deletes every file this test put into the folder and waits until the deployer has forgotten them. */
    public void removeAll() {
        List<String> files = new ArrayList<>(touched);
        files.forEach(this::delete);
        for (String file : files) {
            api.awaitGone(file);
        }
        touched.clear();
    }
}
