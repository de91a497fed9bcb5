package nl.proeftuin.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JDK Flight Recorder profile of a running platform (started and stopped with jcmd), summarised as tables: where
 * the CPU samples are (the method on top of the stack, and the methods of the platform and its libraries anywhere
 * on the stack) and which methods allocate most.
 *
 * <p>Stateless; may be called from any thread.
 */
public final class Profiler {

    private static final String NAME = "bench";
    /**
     * Frames worth naming in the inclusive and allocation tables: the platform and the libraries it calls for its
     * work (the HTTP server's frames are on every request's stack and say nothing).
     */
    private static final List<String> INTERESTING = List.of("nl.proeftuin.", "com.fasterxml.jackson.", "org.h2.",
            "org.postgresql.", "org.apache.commons.csv.", "com.zaxxer.");

    private Profiler() {
    }

    /**
     * Starts a recording with the JDK's {@code profile} settings (CPU samples every 10-20 ms, allocation samples).
     *
     * @param pid the JVM
     * @throws IOException if jcmd fails
     */
    public static void start(long pid) throws IOException {
        Jcmd.run(pid, "JFR.start", "name=" + NAME, "settings=profile");
    }

    /**
     * Stops the recording and writes it to a file.
     *
     * @param pid the JVM
     * @param file where the recording goes
     * @return the file
     * @throws IOException if jcmd fails
     */
    public static Path stop(long pid, Path file) throws IOException {
        Jcmd.run(pid, "JFR.stop", "name=" + NAME, "filename=" + file.toAbsolutePath());
        return file;
    }

    /**
     * Summarises a recording, counting only samples whose stack passes through a method.
     *
     * @param file the recording
     * @param through a fragment of a class or method name that must be on the stack (e.g. {@code OverviewServlet}),
     *     or empty for all samples
     * @param top how many rows per table (twice as many for the inclusive one)
     * @return Markdown: three tables
     * @throws IOException if the recording cannot be read
     */
    public static String summary(Path file, String through, int top) throws IOException {
        return summary(file, through, top, Map.of());
    }

    /**
     * Summarises a recording, and first the share of CPU samples in named phases of the work.
     *
     * @param file the recording
     * @param through a fragment of a class or method name that must be on the stack, or empty for all samples
     * @param top how many rows per table (twice as many for the inclusive one)
     * @param phases phase name → a fragment of a {@code Class.method} name that is on the stack during that phase
     *     (in the order to show)
     * @return Markdown: the phases, then three tables
     * @throws IOException if the recording cannot be read
     */
    public static String summary(Path file, String through, int top, Map<String, String> phases) throws IOException {
        Map<String, Integer> inPhase = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Long> allocation = new HashMap<>();
        int samples = 0;
        long allocated = 0;
        double jvmCpu = 0;
        double machineCpu = 0;
        int cpuEvents = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.CPULoad")) {
                jvmCpu += event.getFloat("jvmUser") + event.getFloat("jvmSystem");
                machineCpu += event.getFloat("machineTotal");
                cpuEvents++;
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty() || !passesThrough(stack, through)) {
                continue;
            }
            if (type.equals("jdk.ExecutionSample")) {
                samples++;
                self.merge(name(stack.getFrames().get(0)), 1, Integer::sum);
                for (Map.Entry<String, String> phase : phases.entrySet()) {
                    if (passesThrough(stack, phase.getValue())) {
                        inPhase.merge(phase.getKey(), 1, Integer::sum);
                    }
                }
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : stack.getFrames()) {
                    String name = name(frame);
                    if (INTERESTING.stream().anyMatch(name::startsWith) && seen.add(name)) {
                        inclusive.merge(name, 1, Integer::sum);
                    }
                }
            } else if (type.equals("jdk.ObjectAllocationSample")) {
                long weight = event.getLong("weight");
                allocated += weight;
                allocation.merge(firstInteresting(stack), weight, Long::sum);
            }
        }
        if (samples == 0) {
            return "The recording has no CPU samples" + (through.isEmpty() ? "" : " through " + through) + ".";
        }
        StringBuilder md = new StringBuilder();
        md.append(samples).append(" CPU samples").append(through.isEmpty() ? "" : " with `" + through + "` on the stack")
                .append(".");
        if (cpuEvents > 0) {
            md.append(String.format(" During the recording the platform's JVM used %.0f%% of the machine's CPU and the"
                    + " machine as a whole %.0f%% (averages of JFR's CPULoad events).", 100 * jvmCpu / cpuEvents,
                    100 * machineCpu / cpuEvents));
        }
        md.append("\n\n");
        if (!phases.isEmpty()) {
            Table table = new Table("phase (a method on the stack)", "samples (%)");
            int total = samples;
            phases.forEach((phase, fragment) -> table.row(phase + " (`" + fragment + "`)",
                    100.0 * inPhase.getOrDefault(phase, 0) / total));
            md.append(table.markdown()).append('\n');
        }
        md.append(percentTable("method on top of the stack (self)", self, samples, top)).append('\n');
        md.append(percentTable("platform or library method anywhere on the stack (inclusive)", inclusive, samples,
                top * 2))
                .append('\n');
        Table alloc = new Table("first platform or library frame of the allocation", "share of sampled bytes (%)",
                "sampled MiB");
        long total = allocated;
        allocation.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> alloc.row("`" + e.getKey() + "`", 100.0 * e.getValue() / total, e.getValue() / 1048576.0));
        md.append(alloc.markdown());
        return md.toString();
    }

    private static String percentTable(String title, Map<String, Integer> counts, int samples, int top) {
        Table table = new Table(title, "samples (%)");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.naturalOrder()).reversed())
                .limit(top).forEach(e -> table.row("`" + e.getKey() + "`", 100.0 * e.getValue() / samples));
        return table.markdown();
    }

    private static boolean passesThrough(RecordedStackTrace stack, String through) {
        if (through.isEmpty()) {
            return true;
        }
        for (RecordedFrame frame : stack.getFrames()) {
            if (name(frame).contains(through)) {
                return true;
            }
        }
        return false;
    }

    private static String firstInteresting(RecordedStackTrace stack) {
        for (RecordedFrame frame : stack.getFrames()) {
            String name = name(frame);
            if (INTERESTING.stream().anyMatch(name::startsWith)) {
                return name;
            }
        }
        return name(stack.getFrames().get(0));
    }

    private static String name(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        return method == null ? "?" : method.getType().getName() + "." + method.getName();
    }
}
