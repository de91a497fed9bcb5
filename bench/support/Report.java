package nl.proeftuin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A result file, {@code bench/results/<name>.md}: the title, the machine, the command, then sections of tables and
 * text. Each run replaces the file: a result is one run, with its medians, percentiles and ratios from that run.
 *
 * <p>Not thread-safe: build it on one thread.
 */
public final class Report {

    private final StringBuilder text = new StringBuilder();

    /**
     * Starts a report.
     *
     * @param title the title
     * @param machine the machine, described at the start of the benchmark
     * @param command the command that produced it, e.g. {@code bench/api-load.sh}
     */
    public Report(String title, Machine machine, String command) {
        text.append("# ").append(title).append("\n\n").append(machine.markdown());
        String build = System.getenv("BENCH_BUILD");
        if (build != null && !build.isBlank()) {
            text.append("- ").append(build).append('\n');
        }
        text.append("- command: `").append(command).append("`\n\n");
    }

    /**
     * Adds a section.
     *
     * @param heading the heading, or null for none
     * @param markdown the content
     * @return this report
     */
    public Report section(String heading, String markdown) {
        if (heading != null) {
            text.append("## ").append(heading).append("\n\n");
        }
        text.append(markdown.strip()).append("\n\n");
        return this;
    }

    /**
     * Prints the report and writes it to a file, replacing what was there.
     *
     * @param file the result file
     * @throws IOException if it cannot be written
     */
    public void write(Path file) throws IOException {
        String content = text.toString().strip() + "\n";
        System.out.println();
        System.out.println(content);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, content);
        System.out.println("written to " + file);
    }
}
