package nl.proeftuin.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed-loop HTTP load generator on loopback: wrk (Debian's package) when it is on the PATH, else a small Java
 * generator with the same model (a fixed number of keep-alive connections, each sending its next request as soon as
 * the answer is in). Latency is per request, from sending to the last byte of the answer.
 *
 * <p>Not thread-safe: run one load at a time.
 */
public final class Load {

    /**
     * What one load run measured.
     *
     * @param generator which generator ran it
     * @param requests answered requests
     * @param seconds how long it ran
     * @param p50Millis median latency
     * @param p99Millis 99th percentile latency
     * @param maxMillis largest latency
     * @param bad answers with a status of 400 or above, plus connect, read and write errors and time-outs
     * @param timeouts requests not answered within {@link #TIMEOUT} (counted in {@code bad} too)
     * @param bytes bytes read (headers and bodies)
     */
    public record Result(String generator, long requests, double seconds, double p50Millis, double p99Millis,
            double maxMillis, long bad, long timeouts, long bytes) {

        /** @return requests per second */
        public double perSecond() {
            return requests / seconds;
        }

        /** @return MiB read per second */
        public double mibPerSecond() {
            return bytes / seconds / 1024 / 1024;
        }
    }

    /** How long one request may take before it counts as timed out. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final Pattern WRK_LINE = Pattern.compile("BENCH requests=(\\d+) duration_us=(\\d+) bytes=(\\d+)"
            + " bad=(\\d+) timeouts=(\\d+) p50_us=(\\d+) p99_us=(\\d+) max_us=(\\d+)");

    private final Path work;
    private final String wrk;
    private final int threads;

    private Load(Path work, String wrk, int threads) {
        this.work = work;
        this.wrk = wrk;
        this.threads = threads;
    }

    /**
     * Picks wrk when it is on the PATH (unless {@code BENCH_LOAD=java}), else the Java generator.
     *
     * @param work a scratch folder for wrk's script
     * @return the generator
     */
    public static Load detect(Path work) {
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        if (!"java".equals(System.getenv("BENCH_LOAD"))) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, "wrk");
                if (Files.isExecutable(candidate)) {
                    return new Load(work, candidate.toString(), threads);
                }
            }
        }
        return new Load(work, null, threads);
    }

    /** @return a description of the generator and its threads, for the result file */
    public String describe() {
        return wrk != null ? "wrk 4 (" + wrk + "), " + threads + " threads" : "the Java generator in bench/support/Load.java, one thread per connection";
    }

    /**
     * Runs load.
     *
     * @param http the platform's client (base URL and Authorization header)
     * @param paths the paths to request, in turn; one or many
     * @param connections concurrent connections
     * @param duration how long
     * @return what was measured
     * @throws IOException if the generator fails
     */
    public Result run(Http http, List<String> paths, int connections, Duration duration) throws IOException {
        return wrk != null ? wrk(http, paths, connections, duration) : java(http, paths, connections, duration);
    }

    // ------------------------------------------------------------------------------------------------ wrk

    private Result wrk(Http http, List<String> paths, int connections, Duration duration) throws IOException {
        StringBuilder lua = new StringBuilder();
        lua.append("wrk.headers[\"Authorization\"] = \"").append(http.authorization()).append("\"\n");
        if (paths.size() > 1) {
            lua.append("local paths = {\n");
            for (String path : paths) {
                lua.append("  \"").append(path.replace("\\", "\\\\").replace("\"", "\\\"")).append("\",\n");
            }
            lua.append("}\nlocal i = 0\n");
            lua.append("request = function()\n  i = i + 1\n  return wrk.format(nil, paths[(i % #paths) + 1])\nend\n");
        }
        lua.append("""
                done = function(summary, latency, requests)
                  local e = summary.errors
                  io.write(string.format(
                    "BENCH requests=%d duration_us=%d bytes=%d bad=%d timeouts=%d p50_us=%d p99_us=%d max_us=%d\\n",
                    summary.requests, summary.duration, summary.bytes, e.status + e.connect + e.read + e.write + e.timeout,
                    e.timeout, latency:percentile(50), latency:percentile(99), latency.max))
                end
                """);
        Path script = Files.createTempFile(work, "load-", ".lua");
        Files.writeString(script, lua.toString());
        List<String> command = List.of(wrk, "-t" + Math.min(threads, connections), "-c" + connections,
                "-d" + Math.max(1, duration.toSeconds()) + "s", "--timeout", TIMEOUT.toSeconds() + "s", "-s", script.toString(),
                http.base() + paths.get(0));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            process.waitFor(duration.toSeconds() + 120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        Matcher m = WRK_LINE.matcher(out);
        if (!m.find()) {
            throw new IOException("wrk printed no result: " + String.join(" ", command) + "\n" + out);
        }
        return new Result("wrk", Long.parseLong(m.group(1)), Long.parseLong(m.group(2)) / 1e6,
                Long.parseLong(m.group(6)) / 1e3, Long.parseLong(m.group(7)) / 1e3, Long.parseLong(m.group(8)) / 1e3,
                Long.parseLong(m.group(4)), Long.parseLong(m.group(5)), Long.parseLong(m.group(3)));
    }

    // ------------------------------------------------------------------------------------------------ Java

    private Result java(Http http, List<String> paths, int connections, Duration duration) throws IOException {
        String hostPort = http.base().substring("http://".length());
        long deadline = System.nanoTime() + duration.toNanos();
        AtomicLong bad = new AtomicLong();
        AtomicLong timeouts = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        long[][] latencies = new long[connections][];
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            int index = c;
            Thread worker = new Thread(() -> {
                try {
                    latencies[index] = connection(hostPort, http.authorization(), paths, index, deadline, bad, timeouts,
                            bytes);
                } catch (IOException | RuntimeException e) {
                    failures.add(e);
                }
            }, "load-" + c);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!failures.isEmpty()) {
            throw new IOException("the load generator failed: " + failures.get(0), failures.get(0));
        }
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        if (all.length == 0) {
            return new Result("java", 0, seconds, Double.NaN, Double.NaN, Double.NaN, bad.get(), timeouts.get(),
                    bytes.get());
        }
        return new Result("java", all.length, seconds, rank(all, 50) / 1e6, rank(all, 99) / 1e6,
                all[all.length - 1] / 1e6, bad.get(), timeouts.get(), bytes.get());
    }

    private static long rank(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** One keep-alive connection sending requests until the deadline; returns the latencies in ns. */
    private static long[] connection(String hostPort, String authorization, List<String> paths, int offset, long deadline,
            AtomicLong bad, AtomicLong timeouts, AtomicLong bytes) throws IOException {
        String[] parts = hostPort.split(":");
        long[] latencies = new long[1024];
        int n = 0;
        int next = offset;
        Socket socket = null;
        InputStream in = null;
        OutputStream out = null;
        try {
            while (System.nanoTime() < deadline) {
                if (socket == null) {
                    socket = new Socket(parts[0], Integer.parseInt(parts[1]));
                    socket.setTcpNoDelay(true);
                    socket.setSoTimeout((int) TIMEOUT.toMillis());
                    in = new BufferedInputStream(socket.getInputStream(), 65536);
                    out = socket.getOutputStream();
                }
                String path = paths.get(next++ % paths.size());
                byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: " + hostPort + "\r\nAuthorization: " + authorization
                        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
                long start = System.nanoTime();
                out.write(request);
                out.flush();
                Answer answer;
                try {
                    answer = read(in);
                } catch (java.net.SocketTimeoutException e) {
                    timeouts.incrementAndGet();
                    bad.incrementAndGet();
                    socket.close();
                    socket = null;
                    continue;
                }
                long latency = System.nanoTime() - start;
                if (n == latencies.length) {
                    latencies = Arrays.copyOf(latencies, n * 2);
                }
                latencies[n++] = latency;
                bytes.addAndGet(answer.bytes);
                if (answer.status >= 400) {
                    bad.incrementAndGet();
                }
                if (answer.close) {
                    socket.close();
                    socket = null;
                }
            }
        } finally {
            if (socket != null) {
                socket.close();
            }
        }
        return Arrays.copyOf(latencies, n);
    }

    private record Answer(int status, long bytes, boolean close) {
    }

    private static Answer read(InputStream in) throws IOException {
        long[] count = {0};
        String statusLine = line(in, count);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(in, count); !header.isEmpty(); header = line(in, count)) {
            String lower = header.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        if (chunked) {
            while (true) {
                String size = line(in, count);
                long chunk = Long.parseLong(size.split(";")[0].trim(), 16);
                if (chunk == 0) {
                    while (!line(in, count).isEmpty()) {
                        // trailers
                    }
                    break;
                }
                skip(in, chunk + 2, count);
            }
        } else if (length > 0) {
            skip(in, length, count);
        }
        return new Answer(status, count[0], close);
    }

    private static String line(InputStream in, long[] count) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); ; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed in the middle of an answer");
            }
            count[0]++;
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
    }

    private static void skip(InputStream in, long n, long[] count) throws IOException {
        long left = n;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("connection closed in the middle of a body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
        count[0] += n;
    }
}
