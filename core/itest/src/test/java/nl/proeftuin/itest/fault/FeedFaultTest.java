package nl.proeftuin.itest.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import nl.proeftuin.api.pilot.DataFeed;
import nl.proeftuin.feeds.FeedMonitor;
import nl.proeftuin.feeds.FeedStatus;
import nl.proeftuin.itest.fault.fixture.FaultFeed;
import nl.proeftuin.itest.support.Api;
import nl.proeftuin.itest.support.ApiResponse;
import nl.proeftuin.itest.support.Await;
import nl.proeftuin.itest.support.DeployFolder;
import nl.proeftuin.itest.support.Ids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * Pilots whose data feed hangs for ever or throws on every call: the API keeps answering at once, the other feeds
 * keep their schedule, the bundles view says what is wrong with the feed, and the pilot with the hanging feed can
 * still be updated and removed without the deployer waiting for it.
 *
 * <p>The scheduler is configured for the test with a call time-out of {@value #CALL_TIMEOUT_SECONDS} s and a minimum
 * interval of 1 s; the feeds ask for 1 s. In {@code bench/faults.sh} eight more pilots with hanging or throwing feeds
 * run alongside.
 */
class FeedFaultTest {

    static final String JAR = "application/java-archive";
    static final String FEEDS_PID = "nl.proeftuin.feeds";
    static final int CALL_TIMEOUT_SECONDS = 5;
    /**
     * How long any API answer or deployer operation may take here. Generous on purpose: this is no benchmark, and
     * only an answer that waits for a hanging feed (for ever, or for the deployer's own 35 s limit) exceeds it.
     */
    static final Duration PROMPT = Duration.ofSeconds(10);

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    ConfigurationAdmin configurationAdmin;

    Api api;
    DeployFolder deploy;
    /** Feed objects whose hang the test ends when it is done, so that no thread of the framework waits for ever. */
    final List<Runnable> hangs = new CopyOnWriteArrayList<>();

    @BeforeEach
    void configureFastFeeds() throws IOException {
        api = Api.connect(context);
        deploy = DeployFolder.of(context, api);
        Configuration configuration = configurationAdmin.getConfiguration(FEEDS_PID, "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("callTimeoutSeconds", CALL_TIMEOUT_SECONDS);
        properties.put("minimumIntervalSeconds", 1);
        properties.put("firstCallDelayMillis", 0L);
        configuration.update(properties);
        Await.await("the feed scheduler with the test's configuration", () -> monitorReference()
                .map(r -> Integer.valueOf(CALL_TIMEOUT_SECONDS).equals(r.getProperty("callTimeoutSeconds"))).orElse(false));
    }

    @AfterEach
    void restore() throws IOException {
        hangs.forEach(Runnable::run);
        deploy.removeAll();
        configurationAdmin.getConfiguration(FEEDS_PID, "?").delete();
        // the defaults are service properties too (bnd writes them into the component description)
        Await.await("the feed scheduler with its default configuration", () -> monitorReference()
                .map(r -> !Integer.valueOf(CALL_TIMEOUT_SECONDS).equals(r.getProperty("callTimeoutSeconds"))).orElse(false));
    }

    @Test
    void hangingAndThrowingFeedsAreReportedWhileTheApiAndTheOtherFeedsCarryOn() throws Exception {
        FaultJars good = FaultJars.pilot(Ids.unique("feed-good")).feed("good", 1);
        FaultJars thrower = FaultJars.pilot(Ids.unique("feed-throws")).feed("throw", 1);
        FaultJars hanger = FaultJars.pilot(Ids.unique("feed-hangs")).feed("hang", 1);
        upload(good, 201);
        FeedStatus goodFirst = awaitFeed(good, "a first successful call", s -> s.lastRows() > 0);
        int rowsBefore = measurementCount(good);

        Responsiveness client = new Responsiveness(api);
        client.start();
        try {
            // at full size, more pilots with bad feeds around the ones the test follows
            int others = FaultScale.pick(context, 0, 8);
            for (int i = 0; i < others; i++) {
                FaultJars bad = FaultJars.pilot(Ids.unique("feed-bad")).feed(i % 2 == 0 ? "hang" : "throw", 1);
                upload(bad, 201);
                holdHangs(bad);
            }
            upload(thrower, 201);
            upload(hanger, 201);
            holdHangs(hanger);

            // the hanging call: when it started, and the other feed's calls around it
            NavigableSet<Instant> goodCalls = new ConcurrentSkipListSet<>();
            FeedStatus hung = Await.await("the hanging feed's second turn", () -> {
                feed(good).map(FeedStatus::lastRun).ifPresent(goodCalls::add);
                return feed(hanger).orElseThrow();
            }, s -> s.problems().stream().anyMatch(p -> p.contains("has not returned")), Duration.ofSeconds(CALL_TIMEOUT_SECONDS + 10));
            Instant hangStarted = hung.lastRun();
            Instant timedOut = hangStarted.plusSeconds(CALL_TIMEOUT_SECONDS);
            Await.await("a call of the good feed after the hanging call's time-out", () -> {
                feed(good).map(FeedStatus::lastRun).ifPresent(goodCalls::add);
                return goodCalls.higher(timedOut.plusSeconds(1)) != null;
            }, Boolean::booleanValue, Duration.ofSeconds(10));
            assertThat(goodCalls.subSet(hangStarted, false, timedOut, false))
                    .as("calls of the good feed while the other one hung (started %s, timed out %s); all calls seen: %s",
                            hangStarted, timedOut, goodCalls)
                    .isNotEmpty();

            // the bundles view says what is wrong, in words
            JsonNode hangView = Await.await("the hanging feed in the bundles view", () -> deployment(hanger),
                    d -> Api.problems(d).contains("has not returned"), PROMPT);
            assertThat(Api.problems(hangView)).contains("Its data feed has a problem").contains("did not return within "
                    + CALL_TIMEOUT_SECONDS + " s").contains("not called again until it returns");
            assertThat(hangView.path("state").asText()).as("the pilot itself still runs: %s", hangView).isEqualTo("RUNNING");
            JsonNode throwView = Await.await("the throwing feed in the bundles view, failing again and again",
                    () -> deployment(thrower), d -> Api.problems(d).matches(".*failed ([3-9]|\\d\\d+) times in a row since .*"), PROMPT);
            assertThat(Api.problems(throwView)).contains("Its data feed has a problem")
                    .contains(IllegalStateException.class.getName()).contains(FaultFeed.FAILURE);
            assertThat(feed(thrower).orElseThrow().lastSuccess()).as("the throwing feed never succeeded").isNull();

            // updating and removing the pilot whose feed hangs: the deployer does not wait for the hanging call
            FaultJars hanger2 = FaultJars.pilot(hanger.region()).version("2.0.0").feed("hang", 1);
            long updateMillis = upload(hanger2, 200);
            Await.await("the new version's feed to hang in its turn", () -> feed(hanger2).orElseThrow(),
                    s -> s.lastRun() != null, PROMPT);
            holdHangs(hanger2);
            assertThat(api.get("/api/v1/regions/" + hanger.region()).json().path("region").path("name").asText())
                    .isEqualTo(hanger2.regionName());
            long removeMillis = timed(() -> assertThat(api.delete("/api/v1/bundles/" + hanger.symbolicName()).status())
                    .isEqualTo(204));
            assertThat(Duration.ofMillis(updateMillis)).as("update of the pilot with the hanging feed").isLessThan(PROMPT);
            assertThat(Duration.ofMillis(removeMillis)).as("removal of the pilot with the hanging feed").isLessThan(PROMPT);
            assertThat(api.regionIds()).doesNotContain(hanger.region());
            assertThat(feed(hanger)).as("the removed pilot's feed is no longer scheduled").isEmpty();

            // and the deployer goes on as before
            FaultJars good2 = FaultJars.pilot(good.region()).version("2.0.0").feed("good", 1);
            assertThat(Duration.ofMillis(upload(good2, 200))).as("an update after all this").isLessThan(PROMPT);
            awaitFeed(good2, "a call of the updated good feed", s -> s.lastRun() != null && s.problems().isEmpty());
        } finally {
            client.stop();
        }

        System.out.printf("FeedFaultTest: %d API answers during the faults, slowest %d ms; good feed: %d rows before, %d after%n",
                client.answers.get(), client.slowestMillis.get(), rowsBefore, measurementCount(good));
        assertThat(client.failures).as("API requests that failed while feeds hung or threw").isEmpty();
        assertThat(Duration.ofMillis(client.slowestMillis.get())).as("the slowest API answer").isLessThan(PROMPT);
        assertThat(client.answers.get()).as("the client kept asking").isGreaterThan(10);
        assertThat(measurementCount(good)).as("measurements of the good feed, %s at its first call", goodFirst.lastRun())
                .isGreaterThan(rowsBefore + 2);
    }

    @Test
    void aFeedThatHangsWhenItIsRegisteredHoldsUpNeitherThePilotNorTheDeployer() throws Exception {
        FaultJars stuck = FaultJars.pilot(Ids.unique("feed-stuck")).feed("hangInKpiIds", 1);

        long uploadMillis = upload(stuck, 201);
        holdHangs(stuck);

        assertThat(Duration.ofMillis(uploadMillis)).as("the upload of a pilot whose feed hangs in kpiIds()").isLessThan(PROMPT);
        JsonNode view = deployment(stuck);
        assertThat(view.path("state").asText()).as("%s", view).isEqualTo("RUNNING");
        assertThat(Api.problems(view)).contains("Its data feed has a problem").contains("kpiIds() and interval() did not return within")
                .contains("The feed is not called");
        assertThat(api.regionIds()).contains(stuck.region());
        long removeMillis = timed(() -> assertThat(api.delete("/api/v1/bundles/" + stuck.symbolicName()).status()).isEqualTo(204));
        assertThat(Duration.ofMillis(removeMillis)).as("its removal").isLessThan(PROMPT);
        assertThat(feed(stuck)).isEmpty();
    }

    /** Uploads a pilot and returns how long the answer took. */
    private long upload(FaultJars pilot, int expectedStatus) {
        deploy.track(pilot.symbolicName() + ".jar");
        return timed(() -> {
            ApiResponse response = api.post("/api/v1/bundles", JAR, pilot.build());
            assertThat(response.status()).as("upload of %s %s: %s", pilot.symbolicName(), pilot.version(), response)
                    .isEqualTo(expectedStatus);
        });
    }

    private static long timed(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Keeps the pilot's feed objects, so that the test can end their hang (if any) when it is done. */
    private void holdHangs(FaultJars pilot) throws InvalidSyntaxException {
        int found = 0;
        for (ServiceReference<DataFeed> reference : context.getServiceReferences(DataFeed.class, null)) {
            if (reference.getBundle() != null && pilot.symbolicName().equals(reference.getBundle().getSymbolicName())
                    && pilot.version().equals(reference.getBundle().getVersion().toString())
                    && context.getService(reference) instanceof Runnable release) {
                hangs.add(release);
                found++;
            }
        }
        assertThat(found).as("feeds of %s %s", pilot.symbolicName(), pilot.version()).isEqualTo(1);
    }

    private Optional<ServiceReference<FeedMonitor>> monitorReference() {
        return Optional.ofNullable(context.getServiceReference(FeedMonitor.class));
    }

    /** The status of the pilot's feed (of the running version) as the feed scheduler reports it. */
    private Optional<FeedStatus> feed(FaultJars pilot) {
        ServiceReference<FeedMonitor> reference = context.getServiceReference(FeedMonitor.class);
        FeedMonitor monitor = reference == null ? null : context.getService(reference);
        if (monitor == null) {
            return Optional.empty();
        }
        try {
            return monitor.feeds().stream().filter(s -> pilot.symbolicName().equals(s.symbolicName())).reduce((a, b) -> b);
        } finally {
            context.ungetService(reference);
        }
    }

    private FeedStatus awaitFeed(FaultJars pilot, String what, Predicate<FeedStatus> done) {
        return Await.await(pilot.symbolicName() + "'s feed: " + what, () -> feed(pilot).orElseThrow(), done, PROMPT);
    }

    private JsonNode deployment(FaultJars pilot) {
        ApiResponse response = api.get("/api/v1/bundles/" + pilot.symbolicName());
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    private int measurementCount(FaultJars pilot) {
        return api.get("/api/v1/kpis/" + pilot.kpi() + "/measurements").json().size();
    }

    /** One client that keeps asking the API what an administrator and a dashboard ask, and notes how long it waits. */
    private static final class Responsiveness {
        private final Api api;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;
        final AtomicInteger answers = new AtomicInteger();
        final AtomicLong slowestMillis = new AtomicLong();
        final List<String> failures = new CopyOnWriteArrayList<>();

        Responsiveness(Api api) {
            this.api = api;
            this.thread = new Thread(this::ask, "itest-responsiveness");
        }

        void start() {
            thread.start();
        }

        private void ask() {
            List<String> paths = List.of("/api/health", "/api/v1/bundles", "/api/v1/overview", "/api/v1/regions");
            for (int n = 0; running.get(); n++) {
                String path = paths.get(n % paths.size());
                long start = System.nanoTime();
                try {
                    ApiResponse response = api.send(api.request(path).timeout(PROMPT.multipliedBy(2)).GET());
                    answers.incrementAndGet();
                    if (response.status() != 200) {
                        failures.add("GET " + path + " answered " + response);
                    }
                } catch (RuntimeException e) {
                    failures.add("GET " + path + ": " + e);
                }
                slowestMillis.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(PROMPT.multipliedBy(3).toMillis());
        }
    }
}
