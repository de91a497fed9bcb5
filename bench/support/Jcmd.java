package nl.proeftuin.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the JDK's {@code jcmd} against another JVM of the same user on this machine.
 *
 * <p>Stateless; may be called from any thread.
 */
public final class Jcmd {

    private Jcmd() {
    }

    /**
     * Runs one jcmd command.
     *
     * @param pid the JVM's process id
     * @param command the command and its arguments, e.g. {@code GC.run}
     * @return what jcmd printed
     * @throws IOException if jcmd fails
     */
    public static String run(long pid, String... command) throws IOException {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        line.add(String.valueOf(pid));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        try {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", line) + " failed:\n" + out);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
