package nl.proeftuin.launcher;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * {@code bin/proeftuin}: runs the platform in the foreground until Ctrl-C or SIGTERM, then stops it cleanly and
 * exits 0. Start-up problems the user can fix (busy port, unwritable home, bad setting) are one line on stderr and
 * a non-zero exit code.
 */
public final class Main {

    private Main() {
    }

    /**
     * Entry point.
     *
     * @param args {@code --version}, {@code --help}, {@code validate <pilot.jar>}, or nothing to run the platform
     */
    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    static int run(String[] args, Map<String, String> env) {
        BuildInfo build = BuildInfo.read();
        if (args.length > 0) {
            switch (args[0]) {
                case "--version" -> {
                    System.out.println("Proeftuin " + build.version());
                    return 0;
                }
                case "--help", "-h" -> {
                    System.out.println(usage());
                    return 0;
                }
                case "validate" -> {
                    return validate(args, build, env);
                }
                default -> {
                    System.err.println("proeftuin: unknown argument \"" + args[0] + "\"\n" + usage());
                    return LaunchException.CONFIG;
                }
            }
        }
        try {
            return runPlatform(build, env);
        } catch (LaunchException e) {
            System.err.println("proeftuin: " + e.getMessage());
            return e.exitCode();
        }
    }

    /** {@code proeftuin validate <pilot.jar>}: see {@link Validator}. */
    private static int validate(String[] args, BuildInfo build, Map<String, String> env) {
        if (args.length != 2) {
            System.err.println("proeftuin: validate expects one pilot JAR, for example: proeftuin validate target/my-pilot-1.0.0.jar\n"
                    + usage());
            return LaunchException.CONFIG;
        }
        try {
            return Validator.validate(Path.of(args[1]), LaunchConfig.load(installDir(), env), build, System.out);
        } catch (LaunchException e) {
            System.err.println("proeftuin: " + e.getMessage());
            return e.exitCode();
        }
    }

    private static int runPlatform(BuildInfo build, Map<String, String> env) throws LaunchException {
        long started = System.nanoTime();
        LaunchConfig config = LaunchConfig.load(installDir(), env);
        try (HomeDirectory home = HomeDirectory.prepare(config)) {
            configureLogging(config);
            // configuring logging is slow; it runs while the framework is prepared, which logs nothing
            LoggingStart logging = LoggingStart.begin();
            PortCheck.ensureFree(config.host(), config.port());
            // handlers first: a signal during start-up must also end in a clean stop
            AtomicReference<Platform> running = new AtomicReference<>();
            AtomicBoolean stopping = new AtomicBoolean();
            Runnable stop = () -> {
                if (stopping.compareAndSet(false, true)) {
                    LoggerFactory.getLogger(Main.class).info("Stopping Proeftuin");
                    Platform platform = running.get();
                    if (platform != null) {
                        platform.stop();
                    }
                }
            };
            installSignalHandlers(stop);
            // covers SIGHUP and System.exit elsewhere; a no-op once the signal handler has stopped the framework
            Runtime.getRuntime().addShutdownHook(new Thread(stop, "proeftuin-shutdown"));
            Platform platform = Platform.start(config, build, () -> {
                logging.await();
                LoggerFactory.getLogger(Main.class).info("Starting Proeftuin {} with home {}", build.version(), config.home());
            });
            Logger log = LoggerFactory.getLogger(Main.class);
            running.set(platform);
            if (stopping.get()) {
                platform.stop(); // the signal came while starting
            } else {
                log.info("Proeftuin {} serves http://{}:{}/ ({} active bundles, started in {} ms)", build.version(),
                        displayHost(config.host()), config.port(), platform.activeBundles(),
                        (System.nanoTime() - started) / 1_000_000);
                confirmClassDataSharing(log);
            }
            platform.awaitStop();
            log.info("Proeftuin stopped");
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static void confirmClassDataSharing(Logger log) {
        try {
            Path key = ClassDataSharing.confirmRecording();
            if (key != null) {
                log.info("The classes of this start are kept in {} when it stops; later starts load them faster",
                        key.toAbsolutePath().getParent());
            }
        } catch (IOException e) {
            log.warn("Cannot keep the classes of this start for later starts: {}", e.getMessage());
        }
    }

    /** Ctrl-C and SIGTERM stop the framework on a thread of our own, so main returns normally and exits 0. */
    private static void installSignalHandlers(Runnable stop) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> new Thread(stop, "proeftuin-stop").start());
            } catch (IllegalArgumentException e) {
                // signal not available on this OS: the shutdown hook still stops the framework
            }
        }
    }

    private static void configureLogging(LaunchConfig config) {
        System.setProperty("proeftuin.log.dir", config.dataDir().resolve("log").toString());
        Path logback = config.confDir().resolve("logback.xml");
        if (Files.isRegularFile(logback) && System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", logback.toString());
        }
    }

    private static Path installDir() throws LaunchException {
        String property = System.getProperty("proeftuin.install");
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        try {
            // lib/proeftuin-launcher.jar -> the distribution folder
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().getParent().toAbsolutePath().normalize();
        } catch (URISyntaxException | NullPointerException e) {
            throw new LaunchException(LaunchException.CONFIG, "cannot tell where Proeftuin is installed; set -Dproeftuin.install");
        }
    }

    private static String displayHost(String host) {
        return host.equals("0.0.0.0") ? "localhost" : host;
    }

    private static String usage() {
        return """
                usage: proeftuin [--version | --help]
                       proeftuin validate <pilot.jar>
                  Runs the platform in the foreground; Ctrl-C or SIGTERM stops it.
                  validate: checks a pilot bundle the way deploying it would, in a temporary platform without
                    HTTP (it may run beside a platform that serves); prints every problem and a verdict.
                    Exit code 0 valid, 1 not valid, 2 no such file.
                environment:
                  PROEFTUIN_HOME  folder with deploy/, data/ and conf/ (default: the distribution folder)
                  PROEFTUIN_PORT  HTTP port (default: http.port in conf/proeftuin.properties, else 8080)
                  PROEFTUIN_CDS   off: do not keep the platform's classes in data/cache/cds/ for faster starts""";
    }
}
