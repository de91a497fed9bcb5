package nl.proeftuin.itest.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import nl.proeftuin.itest.fault.fixture.FaultPilot;
import nl.proeftuin.itest.support.Api;
import nl.proeftuin.itest.support.ApiResponse;
import nl.proeftuin.itest.support.DeployFolder;
import nl.proeftuin.itest.support.Ids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.test.common.annotation.InjectBundleContext;

/**
 * Many consecutive updates of one pilot while clients keep reading the API: no answer is a server error, and every
 * replaced revision of the pilot can be garbage collected, so heap and Metaspace stay flat. 20 updates in CI, 50 in
 * {@code bench/faults.sh}.
 *
 * <p>Each revision of the pilot holds {@value #BALLAST} bytes of heap and {@value #CLASS_BALLAST} classes through its
 * class loader (see {@code FaultPilot}): measured on a run that kept every class loader on purpose, one leaked revision
 * adds about 8 MB of heap used after GC (G1 keeps the 4 MB array in humongous regions), 0.5 MB of Metaspace and a
 * hundred loaded classes, so a leak of two revisions in the second half exceeds the tolerance for heap and for classes, and three that for
 * Metaspace. The baseline
 * is taken halfway, not earlier: Metaspace keeps growing by about a megabyte over the first updates after the first
 * class unloading (allocator warm-up; the number of loaded classes stays flat meanwhile), and only 20 to 40 KB per
 * update after that. The pilot's data feed asks for a call once a day, so that a cancelled schedule kept until its due
 * time would hold the revision too.
 */
class RepeatedUpdateTest {

    static final String JAR = "application/java-archive";
    static final int BALLAST = 4 << 20;
    /** Copies of a class each revision loads, so that a leaked revision also shows in Metaspace. */
    static final int CLASS_BALLAST = 100;
    /** Heap growth allowed between the baseline and the end: less than two leaked revisions. */
    static final long HEAP_TOLERANCE = 12L << 20;
    /** Metaspace growth allowed between the baseline and the end: three leaked revisions. */
    static final long METASPACE_TOLERANCE = 3L << 19;
    /** Growth of the number of loaded classes allowed between the baseline and the end: less than one leaked revision. */
    static final int CLASS_TOLERANCE = CLASS_BALLAST / 2;

    @InjectBundleContext
    BundleContext context;

    Api api;
    DeployFolder deploy;

    @BeforeEach
    void connect() {
        api = Api.connect(context);
        deploy = DeployFolder.of(context, api);
    }

    @AfterEach
    void removeWhatWasDeployed() {
        deploy.removeAll();
    }

    @Test
    void consecutiveUpdatesUnderLoadAnswerNoServerErrorAndLeaveNoOldRevisionBehind() throws InterruptedException {
        int updates = FaultScale.pick(context, 20, 50);
        int baselineAfter = updates / 2;
        String region = Ids.unique("churn");
        FaultJars first = FaultJars.pilot(region).feed("good", 86_400).page().ballast(BALLAST)
                        .classBallast(CLASS_BALLAST);
        deploy.track(first.symbolicName() + ".jar");
        ApiResponse installed = api.post("/api/v1/bundles", JAR, first.build());
        assertThat(installed.status()).as("first upload: %s", installed).isEqualTo(201);
        Bundle pilot = bundle(first.symbolicName());

        Load load = new Load(api, region, first.kpi());
        List<Revision> revisions = new ArrayList<>();
        revisions.add(revision(pilot, first.version()));
        long heapBaseline = 0;
        long metaspaceBaseline = 0;
        int classesBaseline = 0;
        long started = System.nanoTime();
        load.start();
        try {
            for (int i = 1; i <= updates; i++) {
                FaultJars next = FaultJars.pilot(region).version("1.0." + i).feed("good", 86_400).page().ballast(BALLAST)
                        .classBallast(CLASS_BALLAST);
                ApiResponse updated = api.post("/api/v1/bundles", JAR, next.build());
                assertThat(updated.status()).as("update %d: %s", i, updated).isEqualTo(200);
                assertThat(pilot.getVersion().toString()).as("update %d", i).isEqualTo(next.version());
                revisions.add(revision(pilot, next.version()));
                if (i == baselineAfter) {
                    awaitCollected(revisions.subList(0, revisions.size() - 1), 8);
                    heapBaseline = heapUsedAfterGc();
                    metaspaceBaseline = metaspaceUsed();
                    classesBaseline = loadedClasses();
                }
            }
        } finally {
            load.stop();
        }
        long updateMillis = (System.nanoTime() - started) / 1_000_000;
        // measured before anything else runs: the checks below load classes of their own
        List<String> alive = awaitCollected(revisions.subList(0, revisions.size() - 1), 40);
        long heap = heapUsedAfterGc();
        long metaspace = metaspaceUsed();
        int classes = loadedClasses();

        assertThat(load.serverErrors).as("answers >= 500 out of %d: %s", load.answers.get(), load.failures).hasValue(0);
        assertThat(load.connectionErrors).as("requests without an answer: %s", load.failures).hasValue(0);
        assertThat(load.answers.get()).as("the clients kept reading during the updates").isGreaterThan(updates);
        assertThat(api.regionIds()).contains(region);
        ApiResponse page = api.get("/pilots/" + region + "/" + FaultPilot.PAGE + "/");
        assertThat(page.status()).as("the pilot's own page: %s", page).isEqualTo(200);
        assertThat(page.body()).isEqualTo(FaultJars.pilot(region).version("1.0." + updates).regionName());

        System.out.printf("RepeatedUpdateTest: %d updates in %d ms under %d API answers (%s); heap after GC %.1f MB after update %d,"
                + " %.1f MB after update %d; Metaspace %.2f MB then %.2f MB; loaded classes %d then %d; old revisions still"
                + " alive: %s%n", updates, updateMillis, load.answers.get(), load.byPath, mb(heapBaseline), baselineAfter,
                mb(heap), updates, mb(metaspaceBaseline), mb(metaspace), classesBaseline, classes, alive);
        assertThat(alive).as("old revisions of %s whose class loader is still reachable after %d updates", first.symbolicName(),
                updates).isEmpty();
        assertThat(revisions.get(revisions.size() - 1).loader.get()).as("the running revision's class loader").isNotNull();
        assertThat(heap - heapBaseline).as("heap used after GC grew from %.1f MB (after update %d) to %.1f MB (after update %d)",
                mb(heapBaseline), baselineAfter, mb(heap), updates).isLessThanOrEqualTo(HEAP_TOLERANCE);
        assertThat(metaspace - metaspaceBaseline).as("Metaspace used grew from %.2f MB (after update %d) to %.2f MB (after update %d)",
                mb(metaspaceBaseline), baselineAfter, mb(metaspace), updates).isLessThanOrEqualTo(METASPACE_TOLERANCE);
        assertThat(classes - classesBaseline).as("loaded classes grew from %d (after update %d) to %d (after update %d)",
                classesBaseline, baselineAfter, classes, updates).isLessThanOrEqualTo(CLASS_TOLERANCE);
    }

    /** A revision of the pilot: its version and a weak reference to its class loader. */
    record Revision(String version, WeakReference<ClassLoader> loader) {
    }

    /** In a method of its own, so that no local variable of the test keeps the class loader reachable. */
    private static Revision revision(Bundle bundle, String version) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        assertThat(wiring).as("%s %s is resolved", bundle.getSymbolicName(), version).isNotNull();
        return new Revision(version, new WeakReference<>(wiring.getClassLoader()));
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }

    /** Runs the garbage collector until every revision's class loader is gone or the rounds run out; returns the rest. */
    private static List<String> awaitCollected(List<Revision> revisions, int rounds) throws InterruptedException {
        List<String> alive = List.of();
        for (int round = 0; round < rounds; round++) {
            System.gc();
            Thread.sleep(250);
            alive = revisions.stream().filter(r -> r.loader.get() != null).map(Revision::version).toList();
            if (alive.isEmpty()) {
                break;
            }
        }
        return alive;
    }

    private static long heapUsedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long metaspaceUsed() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if ("Metaspace".equals(pool.getName())) {
                return pool.getUsage().getUsed();
            }
        }
        throw new AssertionError("this JVM has no memory pool named Metaspace");
    }

    private static int loadedClasses() {
        return ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    /** Two clients that read the catalogue, the overview and the updated pilot's own data and page without pause. */
    private static final class Load {
        private final Api api;
        private final List<String> paths;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();
        final AtomicInteger answers = new AtomicInteger();
        final AtomicInteger serverErrors = new AtomicInteger();
        final AtomicInteger connectionErrors = new AtomicInteger();
        final List<String> failures = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> byPath = new ConcurrentHashMap<>();

        Load(Api api, String region, String kpi) {
            this.api = api;
            this.paths = List.of("/api/v1/regions", "/api/v1/overview", "/api/v1/bundles", "/api/v1/regions/" + region,
                    "/api/v1/kpis/" + kpi + "/measurements", "/api/v1/kpis?region=" + region,
                    "/pilots/" + region + "/" + FaultPilot.PAGE + "/");
        }

        void start() {
            for (int t = 0; t < 2; t++) {
                int offset = t * 4;
                Thread thread = new Thread(() -> read(offset), "itest-load-" + t);
                threads.add(thread);
                thread.start();
            }
        }

        private void read(int offset) {
            for (int n = offset; running.get(); n++) {
                String path = paths.get(n % paths.size());
                try {
                    ApiResponse response = api.get(path);
                    answers.incrementAndGet();
                    byPath.computeIfAbsent(path.replaceAll("[?].*", ""), p -> new AtomicInteger()).incrementAndGet();
                    if (response.status() >= 500) {
                        serverErrors.incrementAndGet();
                        note("GET " + path + " answered " + response);
                    }
                } catch (RuntimeException e) {
                    connectionErrors.incrementAndGet();
                    note("GET " + path + ": " + e);
                }
            }
        }

        private void note(String failure) {
            if (failures.size() < 5) {
                failures.add(failure);
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(60_000);
            }
        }
    }
}
