package nl.proeftuin.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * {@code proeftuin validate some-pilot.jar}: deploys a JAR the way the platform deploys it, in a throw-away platform,
 * and says whether it would run. The platform's own bundles from {@code system/} start in a temporary home (deleted
 * afterwards) without the HTTP server, so no port is used and a platform that serves may run at the same time.
 *
 * <p>The verdict is the deployer's: the JAR goes through {@code nl.proeftuin.deployer.Deployer#deploy(Path)}, and
 * its deployment is watched until its state settles. The launcher sits outside the framework and must not link
 * against bundle classes, so the deployer and the catalogue are called through their public interfaces by
 * reflection.
 *
 * <p>Exit codes: 0 valid, 1 not valid, 2 usage error (no file, unreadable file); the platform failing to start keeps
 * the launcher's own codes.
 */
final class Validator {

    static final int VALID = 0;
    static final int INVALID = 1;

    private static final String DEPLOYER = "nl.proeftuin.deployer.Deployer";
    private static final String INVALID_BUNDLE = "nl.proeftuin.deployer.InvalidBundleException";
    private static final String CATALOG = "nl.proeftuin.registry.Catalog";
    private static final String STORE_SETTINGS = "nl.proeftuin.store.cfg";
    private static final String LOGGING = "nl/proeftuin/launcher/logback-validate.xml";
    /** How long a state other than "running well" must hold before it is the verdict. */
    private static final long SETTLE_MS = 1_000;
    private static final long SERVICE_TIMEOUT_MS = 30_000;
    /** The deployer waits for a start itself; this only bounds the wait for a state that keeps changing. */
    private static final long SETTLE_TIMEOUT_MS = 30_000;
    private static final long POLL_MS = 25;

    private final PrintStream out;

    private Validator(PrintStream out) {
        this.out = out;
    }

    /**
     * Validates one JAR and prints one line per problem, then the verdict.
     *
     * @param jar the file to check
     * @param real the configuration of the real home: its time limits apply, its deploy/, data/ and database do not
     * @param build the platform's build facts
     * @param out where the report goes
     * @return {@link #VALID} or {@link #INVALID}
     * @throws LaunchException when the file cannot be read (exit 2) or the temporary platform does not start
     */
    static int validate(Path jar, LaunchConfig real, BuildInfo build, PrintStream out) throws LaunchException {
        requireReadable(jar);
        if (System.getProperty("logback.configurationFile") == null) {
            // the report is the output: the platform's log lines would drown it, and its log file is thrown away
            System.setProperty("logback.configurationFile", LOGGING);
        }
        // threads of the temporary platform may outlive its stop (work cut short when the store stopped); what they
        // throw then says nothing about the pilot, and would end up below the verdict
        Thread validating = Thread.currentThread();
        PrintStream stderr = System.err;
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            if (thread == validating) {
                failure.printStackTrace(stderr);
            }
        });
        return new Validator(out).run(jar, real, build);
    }

    private static void requireReadable(Path jar) throws LaunchException {
        if (Files.isDirectory(jar)) {
            throw new LaunchException(LaunchException.CONFIG, jar + " is a folder; expected a pilot JAR file");
        }
        if (!Files.exists(jar)) {
            throw new LaunchException(LaunchException.CONFIG, "cannot read " + jar + ": no such file");
        }
        if (!Files.isReadable(jar)) {
            throw new LaunchException(LaunchException.CONFIG, "cannot read " + jar + ": permission denied");
        }
    }

    private int run(Path jar, LaunchConfig real, BuildInfo build) throws LaunchException {
        Scratch scratch = Scratch.create();
        Thread onExit = new Thread(scratch::closeOnExit, "proeftuin-validate-cleanup");
        Runtime.getRuntime().addShutdownHook(onExit); // Ctrl-C while validating leaves nothing behind
        Report report;
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        try {
            LaunchConfig config = temporaryHome(real, scratch.home);
            try (HomeDirectory home = HomeDirectory.prepare(config)) {
                // what bundles print (a pilot's System.out, threads ended by the stop) is not part of the report
                PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
                System.setOut(quiet);
                System.setErr(quiet);
                try {
                    try {
                        scratch.started(Platform.startWithoutHttp(config, build));
                    } finally {
                        scratch.startEnded();
                    }
                    report = deploy(scratch.context(), jar);
                } finally {
                    scratch.stop();
                }
            }
        } catch (LaunchException | RuntimeException e) {
            if (scratch.exiting) {
                throw interrupted();
            }
            throw e;
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            scratch.close();
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway, and finds nothing left to do
            }
        }
        if (scratch.exiting) {
            throw interrupted(); // the platform was stopped under the deployment: its answer means nothing
        }
        report.problems().forEach(problem -> out.println("- " + problem));
        out.println(report.verdict());
        return report.valid() ? VALID : INVALID;
    }

    private static LaunchException interrupted() {
        return new LaunchException(LaunchException.STARTUP, "validation was interrupted");
    }

    /**
     * The temporary home and the platform running in it, stopped and deleted exactly once: by the validation when
     * it ends, or by the shutdown hook when the process is interrupted (which first waits for a start in progress,
     * so that nothing writes into the folder after it was deleted).
     */
    private static final class Scratch {
        private static final long START_WAIT_MS = 15_000;

        final Path home;
        private final CountDownLatch startEnded = new CountDownLatch(1);
        private Platform platform;
        /** True once the process is ending (Ctrl-C, SIGTERM): whatever the validation still finds is void. */
        volatile boolean exiting;

        private Scratch(Path home) {
            this.home = home;
        }

        static Scratch create() throws LaunchException {
            try {
                return new Scratch(Files.createTempDirectory("proeftuin-validate-"));
            } catch (IOException e) {
                throw new LaunchException(LaunchException.HOME, "cannot create a temporary folder: " + e.getMessage(), e);
            }
        }

        synchronized void started(Platform started) {
            platform = started;
        }

        void startEnded() {
            startEnded.countDown();
        }

        synchronized BundleContext context() {
            return platform.context();
        }

        synchronized void stop() {
            if (platform != null) {
                platform.stop();
                platform = null;
            }
        }

        synchronized void close() {
            stop();
            deleteTree(home);
        }

        void closeOnExit() {
            exiting = true;
            try {
                startEnded.await(START_WAIT_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            close();
        }
    }

    /**
     * A home in the temporary folder. The real home's settings apply (the time limits of the registry and the
     * deployer are part of the verdict), except the store's: validating must never write to the platform's database,
     * so the store gets an in-memory H2 database that vanishes with the process.
     */
    private static LaunchConfig temporaryHome(LaunchConfig real, Path temp) throws LaunchException {
        Path conf = temp.resolve("conf");
        try {
            Files.createDirectories(conf);
            if (Files.isDirectory(real.confDir())) {
                // the settings, and the truststores a deployer setting may name (signed pilots are checked as on the platform)
                try (DirectoryStream<Path> files = Files.newDirectoryStream(real.confDir(), "*.{cfg,p12,pfx,jks}")) {
                    for (Path file : files) {
                        if (Files.isRegularFile(file) && !file.getFileName().toString().equals(STORE_SETTINGS)) {
                            Files.copy(file, conf.resolve(file.getFileName().toString()));
                        }
                    }
                }
            }
            Files.writeString(conf.resolve(STORE_SETTINGS), "# proeftuin validate: a database in memory only\n"
                    + "jdbc.url=jdbc:h2:mem:proeftuin-validate\n");
        } catch (IOException e) {
            throw new LaunchException(LaunchException.HOME, "cannot prepare the temporary home " + temp + ": " + e.getMessage(), e);
        }
        return new LaunchConfig(real.installDir(), temp, "127.0.0.1", real.port(), new Properties());
    }


    /** Copies the JAR into the deployer's upload folder, deploys it and waits for its state to settle. */
    private Report deploy(BundleContext context, Path jar) throws LaunchException {
        Object deployer = service(context, DEPLOYER);
        Object catalog = service(context, CATALOG);
        String label = String.valueOf(jar.getFileName());
        Object deployment;
        try {
            Path incoming = (Path) call(deployer, "incomingFolder");
            Path copy = Files.copy(jar, incoming.resolve(label));
            deployment = call(deployer, "deploy", copy);
        } catch (IOException e) {
            throw new LaunchException(LaunchException.HOME, "cannot copy " + jar + " into the temporary platform: " + e.getMessage(), e);
        } catch (RemoteException e) {
            if (e.getCause().getClass().getName().equals(INVALID_BUNDLE)) {
                return Report.invalid(label, strings(call(e.getCause(), "problems")));
            }
            throw new LaunchException(LaunchException.STARTUP, "the deployer failed: " + e.getCause(), e.getCause());
        }
        Observation settled = settle(deployer, catalog, Observation.of(deployment, catalog));
        return settled.report();
    }

    /**
     * Polls the deployment until it runs with an accepted contribution, or until any other state has held for
     * {@link #SETTLE_MS}: a pilot that waits, failed or was refused stays so.
     */
    private static Observation settle(Object deployer, Object catalog, Observation first) throws LaunchException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_TIMEOUT_MS);
        Observation last = first;
        long since = System.nanoTime();
        while (!last.runsWell()) {
            long now = System.nanoTime();
            if (now - since >= TimeUnit.MILLISECONDS.toNanos(SETTLE_MS) || now > deadline) {
                return last;
            }
            sleep();
            Optional<?> current = (Optional<?>) call(deployer, "deployment", last.symbolicName());
            if (current.isEmpty()) {
                throw new LaunchException(LaunchException.STARTUP, "the deployer lost track of " + last.symbolicName());
            }
            Observation next = Observation.of(current.get(), catalog);
            if (!next.equals(last)) {
                last = next;
                since = System.nanoTime();
            }
        }
        return last;
    }

    private static void sleep() throws LaunchException {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted();
        }
    }

    private static Object service(BundleContext context, String className) throws LaunchException {
        ServiceTracker<Object, Object> tracker;
        try {
            tracker = new ServiceTracker<>(context, context.createFilter("(objectClass=" + className + ")"), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        // left open: the service must stay while it is used, and the framework closes the tracker when it stops
        tracker.open(true);
        try {
            Object service = tracker.waitForService(SERVICE_TIMEOUT_MS);
            if (service == null) {
                throw new LaunchException(LaunchException.STARTUP,
                        "the platform's " + className + " service did not start within " + SERVICE_TIMEOUT_MS / 1000 + " s");
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted();
        }
    }

    /**
     * One look at the deployment and at what the registry says about its pilot.
     *
     * @param symbolicName the bundle's symbolic name
     * @param version the bundle's version
     * @param region the declared region, or null
     * @param state the deployer's state in one word
     * @param bundleState the framework's state of the bundle
     * @param problems the deployer's problems, each a sentence
     * @param opgaven how many opgaven the pilot contributes
     * @param kpis how many KPIs the pilot contributes
     * @param screens how many screens the pilot contributes
     * @param registered true when the registry received a Pilot service from the bundle
     * @param refusals the registry's reasons for refusing the contribution, one sentence each; empty when accepted
     */
    private record Observation(String symbolicName, String version, String region, String state, String bundleState,
            List<String> problems, int opgaven, int kpis, int screens, boolean registered, List<String> refusals) {

        static Observation of(Object deployment, Object catalog) {
            long bundleId = (Long) call(deployment, "bundleId");
            boolean registered = false;
            List<String> refusals = new ArrayList<>();
            for (Object pilot : (List<?>) call(call(catalog, "snapshot"), "pilots")) {
                if ((Long) call(pilot, "bundleId") == bundleId) {
                    registered = true;
                    if (!(Boolean) call(pilot, "accepted")) {
                        refusals.addAll(strings(call(pilot, "problems")));
                    }
                }
            }
            return new Observation((String) call(deployment, "symbolicName"), (String) call(deployment, "version"),
                    (String) call(deployment, "region"), String.valueOf(call(deployment, "state")),
                    (String) call(deployment, "bundleState"), strings(call(deployment, "problems")),
                    (Integer) call(deployment, "opgaven"), (Integer) call(deployment, "kpis"),
                    (Integer) call(deployment, "screens"), registered, List.copyOf(refusals));
        }

        /** Running, without problems, and its contribution accepted: nothing more can change the verdict. */
        boolean runsWell() {
            return state.equals("RUNNING") && problems.isEmpty() && registered && refusals.isEmpty();
        }

        Report report() {
            List<String> all = new ArrayList<>();
            String refused = String.join(" ", refusals);
            for (String problem : problems) {
                // the deployer joins the registry's reasons into one sentence; list them one by one instead
                if (refusals.isEmpty() || !problem.endsWith(refused)) {
                    all.add(problem);
                }
            }
            all.addAll(refusals);
            if (region == null && !registered) {
                all.add("The manifest declares no region (Proeftuin-Region): this bundle is a library, not a "
                        + "pilot, and adds nothing to the dashboard. A pilot declares its region in bnd.bnd, for example "
                        + "Proeftuin-Region: zeeland.");
            } else if (region != null && !registered && all.isEmpty()) {
                all.add("The bundle declares region \"" + region + "\" but registers no Pilot service "
                        + "(nl.proeftuin.api.pilot.Pilot), so it contributes nothing: give the class that implements "
                        + "Pilot the annotation @Component.");
            }
            if (all.isEmpty() && !state.equals("RUNNING")) {
                all.add("The bundle does not run: it is " + state + " (" + bundleState + ").");
            }
            String label = symbolicName + " " + version + (region == null ? "" : " (region " + region + ")");
            if (all.isEmpty()) {
                return new Report(true, all, label + ": valid — " + count(opgaven, "opgave", "opgaven") + ", "
                        + count(kpis, "KPI", "KPIs") + ", " + count(screens, "screen", "screens"));
            }
            return Report.invalid(label, all);
        }
    }

    /**
     * What is printed.
     *
     * @param valid true when the pilot would run as deployed
     * @param problems one sentence per problem
     * @param verdict the last line
     */
    private record Report(boolean valid, List<String> problems, String verdict) {

        static Report invalid(String label, List<String> problems) {
            return new Report(false, problems, label + " is not valid: " + count(problems.size(), "problem", "problems"));
        }
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static List<String> strings(Object list) {
        List<String> strings = new ArrayList<>();
        for (Object item : (List<?>) list) {
            strings.add(String.valueOf(item));
        }
        return List.copyOf(strings);
    }

    /** An exception thrown by the called bundle code itself. */
    private static final class RemoteException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RemoteException(Throwable cause) {
            super(cause);
        }
    }

    /** Calls a public method of a bundle's object through the public type that declares it. */
    private static Object call(Object target, String name, Object... args) {
        Class<?>[] types = new Class<?>[args.length];
        for (int i = 0; i < args.length; i++) {
            types[i] = args[i] instanceof Path ? Path.class : args[i].getClass();
        }
        Method method = publicMethod(target.getClass(), name, types);
        if (method == null) {
            throw new IllegalStateException(target.getClass().getName() + " has no public method " + name
                    + " (does the launcher match the core bundles in system/?)");
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw new RemoteException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Method publicMethod(Class<?> type, String name, Class<?>[] types) {
        if (Modifier.isPublic(type.getModifiers())) {
            try {
                Method method = type.getMethod(name, types);
                if (Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
                    return method;
                }
            } catch (NoSuchMethodException e) {
                // declared by an interface or a superclass, looked at below
            }
        }
        for (Class<?> face : type.getInterfaces()) {
            Method method = publicMethod(face, name, types);
            if (method != null) {
                return method;
            }
        }
        return type.getSuperclass() == null ? null : publicMethod(type.getSuperclass(), name, types);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a leftover in the system's temporary folder does no harm; the verdict still stands
        }
    }
}
