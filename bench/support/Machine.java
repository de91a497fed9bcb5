package nl.proeftuin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What a result was measured on: cores, memory, CPU, Java and the load average when the benchmark started. Every
 * result file starts with it, because numbers from a shared 2-core machine mean little without it.
 *
 * @param cores available processors
 * @param memory total memory, e.g. {@code 23.5 GiB}
 * @param cpu the CPU model name
 * @param java the first line of {@code java -version} and the VM build
 * @param loadAtStart the load average (1, 5, 15 min) when the benchmark started
 * @param startedAt when the benchmark started
 */
public record Machine(int cores, String memory, String cpu, String java, String loadAtStart, Instant startedAt) {

    /**
     * Describes this machine now. Call it first thing, so the load average is the one at the start.
     *
     * @return the description
     */
    public static Machine now() {
        return new Machine(Runtime.getRuntime().availableProcessors(), readMemory(), readCpu(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"), load(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * The load average right now, as {@code /proc/loadavg} gives it (1, 5 and 15 minutes).
     *
     * @return e.g. {@code 1.42 2.07 2.16}, or {@code unknown}
     */
    public static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * The one-minute load average right now.
     *
     * @return the load, or -1 when unknown
     */
    public static double load1() {
        try {
            return Double.parseDouble(load().split(" ")[0]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The lines for the head of a result file.
     *
     * @return a Markdown bullet list
     */
    public String markdown() {
        return "- machine: " + cores + " cores (" + cpu + "), " + memory + " memory\n"
                + "- Java: " + java + "\n"
                + "- load average at start (1/5/15 min): " + loadAtStart
                + (load1(loadAtStart) >= 1.5 ? " — the machine was busy (shared with builds): the numbers are noisy" : "")
                + "\n"
                + "- started: " + startedAt + "\n";
    }

    private static double load1(String load) {
        try {
            return Double.parseDouble(load.split(" ")[0]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String readMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return "unknown";
    }

    private static String readCpu() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (String line : lines) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return "unknown CPU";
    }
}
