package nl.proeftuin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory of a running JVM after a full GC: resident set (from {@code /proc/<pid>/status}), heap used and
 * committed and Metaspace used (from {@code jcmd <pid> GC.heap_info}, after {@code jcmd <pid> GC.run}), and its
 * thread count.
 *
 * @param rssKib resident set size
 * @param heapUsedKib heap in use after the GC
 * @param heapCommittedKib heap committed
 * @param metaspaceUsedKib Metaspace in use
 * @param threads operating-system threads of the process
 */
public record Memory(long rssKib, long heapUsedKib, long heapCommittedKib, long metaspaceUsedKib, long threads) {

    private static final Pattern HEAP = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");
    private static final Pattern METASPACE = Pattern.compile("Metaspace\\s+used (\\d+)K");

    /**
     * Runs a full GC in the process, then reads its memory.
     *
     * @param pid the JVM's process id (same user, same machine)
     * @return its memory
     * @throws IOException if jcmd fails or its output is not understood
     */
    public static Memory of(long pid) throws IOException {
        Jcmd.run(pid, "GC.run");
        String info = Jcmd.run(pid, "GC.heap_info");
        Matcher heap = HEAP.matcher(info);
        Matcher metaspace = METASPACE.matcher(info);
        if (!heap.find() || !metaspace.find()) {
            throw new IOException("jcmd " + pid + " GC.heap_info printed no heap and Metaspace lines:\n" + info);
        }
        return new Memory(status(pid, "VmRSS"), Long.parseLong(heap.group(2)), Long.parseLong(heap.group(1)),
                Long.parseLong(metaspace.group(1)), status(pid, "Threads"));
    }

    /** @return the resident set in MiB */
    public double rssMib() {
        return rssKib / 1024.0;
    }

    /** @return the heap in use in MiB */
    public double heapUsedMib() {
        return heapUsedKib / 1024.0;
    }

    /** @return the Metaspace in use in MiB */
    public double metaspaceMib() {
        return metaspaceUsedKib / 1024.0;
    }

    private static long status(long pid, String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IOException("/proc/" + pid + "/status has no " + key);
    }
}
