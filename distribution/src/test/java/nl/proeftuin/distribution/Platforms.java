package nl.proeftuin.distribution;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Starting the distribution for the fault tests: with a home, on a port, and waiting until it serves. */
final class Platforms {

    static final Duration START = Duration.ofSeconds(60);
    static final Duration STOP = Duration.ofSeconds(30);
    /** How long a deploy, undeploy or update may take to show in the API (the design asks for well under a second). */
    static final Duration DEPLOY = Duration.ofSeconds(15);

    private Platforms() {
    }

    /** Starts bin/proeftuin and waits for /api/health; fails with the platform's output if it does not serve. */
    static RunningPlatform startServing(Path home, int port) throws IOException, InterruptedException {
        RunningPlatform platform = RunningPlatform.start(home, port, Map.of());
        if (platform.awaitHealthy(START) == null) {
            String output = platform.output();
            platform.close();
            throw new AssertionError("the platform did not serve /api/health within " + START + "; output:\n" + output
                    + "\nlog:\n" + log(home));
        }
        return platform;
    }

    /** SIGTERM, and the clean stop the README promises (exit code 0). */
    static void stop(RunningPlatform platform) throws InterruptedException {
        platform.process.destroy();
        int exit = platform.awaitExit(STOP);
        if (exit != 0) {
            throw new AssertionError("SIGTERM ended the platform with exit code " + exit + "; output:\n" + platform.output());
        }
    }

    /** kill -9: bin/proeftuin execs java, so the process is the JVM itself. */
    static void kill(RunningPlatform platform) throws InterruptedException {
        platform.process.destroyForcibly();
        platform.awaitExit(STOP);
    }

    static String log(Path home) {
        try {
            return java.nio.file.Files.readString(home.resolve("data/log/proeftuin.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
