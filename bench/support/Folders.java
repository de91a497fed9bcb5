package nl.proeftuin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Scratch folders of a benchmark run.
 *
 * <p>Stateless; may be called from any thread.
 */
public final class Folders {

    private Folders() {
    }

    /**
     * A new scratch folder under the system's temporary folder ({@code TMPDIR}).
     *
     * @param name part of its name
     * @return the folder
     * @throws IOException if it cannot be made
     */
    public static Path scratch(String name) throws IOException {
        return Files.createTempDirectory("bench-" + name + "-");
    }

    /**
     * Deletes a folder and everything in it; what cannot be deleted stays (it is a temporary folder).
     *
     * @param folder the folder
     */
    public static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + folder + ": " + e.getMessage());
        }
    }
}
