package nl.proeftuin.feeds.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.proeftuin.api.model.DataPoint;
import nl.proeftuin.api.model.Direction;
import nl.proeftuin.api.model.Kpi;
import nl.proeftuin.api.model.Lesson;
import nl.proeftuin.api.model.Measurement;
import nl.proeftuin.api.model.Opgave;
import nl.proeftuin.api.model.Region;
import nl.proeftuin.api.model.RollUp;
import nl.proeftuin.api.model.Theme;
import nl.proeftuin.api.pilot.DataFeed;
import nl.proeftuin.api.screen.Screen;
import nl.proeftuin.feeds.FeedStatus;
import nl.proeftuin.registry.CatalogSnapshot;
import nl.proeftuin.registry.PilotStatus;
import nl.proeftuin.store.MeasurementStore;
import nl.proeftuin.store.RecordResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.event.EventAdmin;

/** A feed that hangs, throws or sends foreign rows is contained and reported; good rows are recorded. */
class FeedSchedulerTest {

    private final List<Measurement> recorded = new CopyOnWriteArrayList<>();
    private final FeedScheduler scheduler = new FeedScheduler(() -> new OneKpiCatalog(), store(), noEvents(), config(1));

    @AfterEach
    void stop() {
        scheduler.deactivate();
    }

    @Test
    void goodRowsAreRecordedAndSinceIsTheStartOfTheLastSuccess() throws Exception {
        List<Instant> sinces = new CopyOnWriteArrayList<>();
        FeedRun run = register(feed(since -> {
            sinces.add(since == null ? Instant.EPOCH : since);
            return List.of(new Measurement("zeeland-woningen", LocalDate.of(2025, 1, 31), 120, "feed"));
        }));

        turn(run);
        turn(run);

        assertThat(recorded).hasSize(2).allSatisfy(m -> assertThat(m.value()).isEqualTo(120));
        assertThat(sinces.get(0)).isEqualTo(Instant.EPOCH);
        assertThat(sinces.get(1)).as("the second call gets the start of the first").isAfter(Instant.EPOCH)
                .isBeforeOrEqualTo(status().lastSuccess());
        assertThat(status().problems()).isEmpty();
        assertThat(status().lastRows()).isEqualTo(1);
    }

    @Test
    void aThrowingFeedIsReportedWithItsException() throws Exception {
        FeedRun run = register(feed(since -> {
            throw new IllegalStateException("bron niet bereikbaar");
        }));

        turn(run);

        assertThat(status().problems()).singleElement().asString()
                .contains("The feed failed").contains("IllegalStateException").contains("bron niet bereikbaar");
        assertThat(recorded).isEmpty();
    }

    @Test
    void aHangingFeedTimesOutIsInterruptedAndIsNotCalledAgainWhileItHangs() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        FeedRun run = register(feed(since -> {
            calls.incrementAndGet();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                // a badly behaved feed that ignores the interrupt keeps hanging
                Thread.sleep(60_000);
            }
            return List.of();
        }));

        long start = System.nanoTime();
        turn(run);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(status().problems()).singleElement().asString().contains("did not return within 1 s");
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();

        turn(run);

        assertThat(calls.get()).as("not called again while the first call hangs").isEqualTo(1);
        assertThat(status().problems()).singleElement().asString().contains("has not returned")
                .contains("not called again until it returns");
    }

    @Test
    void aCallThatReturnsLeavesNothingOfItsFeedInTheTimersQueue() throws Exception {
        FeedRun run = register(feed(since -> List.of()));
        int scheduled = timerQueue().size();

        for (int i = 0; i < 20; i++) {
            turn(run);
        }

        assertThat(timerQueue()).as("the timer's tasks after 20 quick calls: the feed's schedule only").hasSize(scheduled);
    }

    private java.util.concurrent.BlockingQueue<Runnable> timerQueue() throws ReflectiveOperationException {
        var field = FeedScheduler.class.getDeclaredField("timer");
        field.setAccessible(true);
        return ((java.util.concurrent.ScheduledThreadPoolExecutor) field.get(scheduler)).getQueue();
    }

    @Test
    void aHangingFeedDelaysNoOtherFeed() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        FeedRun hanging = register(feed(since -> {
            release.await();
            return List.of();
        }), 7);
        FeedRun good = register(feed(since -> List.of(new Measurement("zeeland-woningen", LocalDate.of(2025, 1, 31), 1, "feed"))), 8);
        try {
            CompletableFuture<Void> hangingTurn = scheduler.call(hanging);
            turn(good);

            assertThat(hangingTurn).as("the hanging call, still running").isNotDone();
            assertThat(recorded).as("the other feed's rows, recorded meanwhile").hasSize(1);
        } finally {
            release.countDown();
        }
    }

    @Test
    void aCallThatReturnsAfterItsTimeOutRecordsNothing() throws Exception {
        CountDownLatch returned = new CountDownLatch(1);
        FeedRun run = register(feed(since -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                returned.countDown();
            }
            return List.of(new Measurement("zeeland-woningen", LocalDate.of(2025, 1, 31), 99, "late"));
        }));

        turn(run);
        assertThat(returned.await(5, TimeUnit.SECONDS)).as("the interrupted feed returned its rows").isTrue();
        Thread.sleep(100);

        assertThat(recorded).as("rows returned after the time-out").isEmpty();
        assertThat(status().problems()).singleElement().asString().contains("did not return within 1 s");
        assertThat(status().lastSuccess()).isNull();
    }

    @Test
    void aFeedThatFailsAgainAndAgainSaysHowOftenAndSinceWhenUntilItSucceeds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        FeedRun run = register(feed(since -> {
            if (calls.incrementAndGet() <= 3) {
                throw new java.io.IOException("bron niet bereikbaar " + calls.get());
            }
            return List.of(new Measurement("zeeland-woningen", LocalDate.of(2025, 1, 31), 7, "feed"));
        }));

        turn(run);
        Instant firstFailure = status().lastRun();
        turn(run);
        turn(run);

        assertThat(status().problems()).singleElement().asString()
                .contains("The feed failed 3 times in a row since " + firstFailure.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                .contains("java.io.IOException: bron niet bereikbaar 3");

        turn(run);

        assertThat(status().problems()).isEmpty();
        assertThat(status().lastRows()).isEqualTo(1);
    }

    @Test
    void kpiIdsThatHangAreReportedAndDoNotHoldTheRegisteringThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        DataFeed stuck = new DataFeed() {
            @Override
            public Set<String> kpiIds() {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Set.of("zeeland-woningen");
            }

            @Override
            public Duration interval() {
                return Duration.ofHours(1);
            }

            @Override
            public List<Measurement> fetch(Instant since) {
                return List.of();
            }
        };
        try {
            long start = System.nanoTime();
            register(stuck);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FeedScheduler.DESCRIBE_LIMIT.plusSeconds(3));
            assertThat(status().problems()).singleElement().asString().contains("kpiIds() and interval() did not return within 2 s")
                    .contains("not called");
        } finally {
            release.countDown();
        }
    }

    @Test
    void removingAFeedWhileItFetchesInterruptsItAndReturnsAtOnce() throws Exception {
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        FeedRun run = register(feed(since -> {
            fetching.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return List.of(new Measurement("zeeland-woningen", LocalDate.of(2025, 1, 31), 5, "after removal"));
        }));
        CompletableFuture<Void> turn = scheduler.call(run);
        assertThat(fetching.await(5, TimeUnit.SECONDS)).as("the feed is fetching").isTrue();

        scheduler.removeFeed(reference);

        assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the feed was interrupted").isTrue();
        assertThat(turn).isDone();
        assertThat(scheduler.feeds()).isEmpty();
        Thread.sleep(100);
        assertThat(recorded).as("rows of a feed that is gone").isEmpty();
    }

    @Test
    void rowsForUndeclaredOrForeignKpisAreRefusedByNameAndTheRestIsKept() throws Exception {
        FeedRun run = register(feed(since -> List.of(
                new Measurement("zeeland-woningen", LocalDate.of(2025, 2, 28), 130, "feed"),
                new Measurement("groningen-versterkt", LocalDate.of(2025, 2, 28), 5, "feed"),
                new Measurement("groningen-versterkt", LocalDate.of(2025, 3, 31), 6, "feed"))));

        turn(run);

        assertThat(recorded).extracting(Measurement::kpiId).containsExactly("zeeland-woningen");
        assertThat(status().problems()).singleElement().asString()
                .contains("\"groningen-versterkt\"").contains("declares only [zeeland-woningen]");
    }

    private static EventAdmin noEvents() {
        return (EventAdmin) Proxy.newProxyInstance(FeedSchedulerTest.class.getClassLoader(), new Class<?>[] {EventAdmin.class},
                (proxy, method, args) -> null);
    }

    private FeedStatus status() {
        return scheduler.feeds().get(0);
    }

    private void turn(FeedRun run) throws Exception {
        scheduler.call(run).get(10, TimeUnit.SECONDS);
    }

    private ServiceReference<DataFeed> reference;

    private FeedRun register(DataFeed feed) {
        return register(feed, 7);
    }

    private FeedRun register(DataFeed feed, long serviceId) {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaders" -> new Hashtable<>(Map.of("Proeftuin-Region", "zeeland"));
                    case "getBundleId" -> 42L;
                    case "getSymbolicName" -> "nl.pilot.zeeland";
                    default -> null;
                });
        @SuppressWarnings("unchecked")
        ServiceReference<DataFeed> registered = (ServiceReference<DataFeed>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle" -> bundle;
                    case "getProperty" -> Constants.SERVICE_ID.equals(args[0]) ? serviceId : null;
                    default -> null;
                });
        reference = registered;
        scheduler.addFeed(feed, registered);
        return runOf(scheduler, serviceId);
    }

    private static FeedRun runOf(FeedScheduler scheduler, long serviceId) {
        try {
            var field = FeedScheduler.class.getDeclaredField("runs");
            field.setAccessible(true);
            @SuppressWarnings("unchecked")
            Map<Long, FeedRun> runs = (Map<Long, FeedRun>) field.get(scheduler);
            return runs.get(serviceId);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    interface Fetch {
        List<Measurement> fetch(Instant since) throws Exception;
    }

    private static DataFeed feed(Fetch fetch) {
        return new DataFeed() {
            @Override
            public Set<String> kpiIds() {
                return Set.of("zeeland-woningen");
            }

            @Override
            public Duration interval() {
                return Duration.ofHours(1);
            }

            @Override
            public List<Measurement> fetch(Instant since) throws Exception {
                return fetch.fetch(since);
            }
        };
    }

    private MeasurementStore store() {
        return new MeasurementStore() {
            @Override
            public RecordResult record(List<Measurement> measurements, String recordedBy) {
                recorded.addAll(measurements);
                return new RecordResult(measurements.size(), 0);
            }

            @Override
            public List<Measurement> measurements(String kpiId, LocalDate from, LocalDate to) {
                return List.of();
            }

            @Override
            public Map<String, List<Measurement>> measurements(Collection<String> kpiIds) {
                return Map.of();
            }

            @Override
            public boolean importOnce(String importKey, List<Measurement> measurements, String recordedBy) {
                return false;
            }

            @Override
            public long count() {
                return recorded.size();
            }
        };
    }

    private static FeedScheduler.Config config(int timeoutSeconds) {
        return (FeedScheduler.Config) Proxy.newProxyInstance(FeedSchedulerTest.class.getClassLoader(),
                new Class<?>[] {FeedScheduler.Config.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "callTimeoutSeconds" -> timeoutSeconds;
                    case "minimumIntervalSeconds" -> 60;
                    // far in the future: the tests call the feed themselves
                    case "firstCallDelayMillis" -> 3_600_000L;
                    default -> null;
                });
    }

    /** A catalogue with region zeeland and its one KPI. */
    private static final class OneKpiCatalog implements CatalogSnapshot {
        private final Opgave opgave = new Opgave("zeeland-energie", "zeeland", "Energie", Theme.ENERGIETRANSITIE, "", "", List.of());
        private final Kpi kpi = new Kpi("zeeland-woningen", "zeeland-energie", "Woningen", "woningen", Direction.HIGHER_IS_BETTER,
                new DataPoint(LocalDate.of(2020, 1, 1), 0), List.of(new DataPoint(LocalDate.of(2030, 1, 1), 100)), RollUp.SUM, null, null);

        @Override public long revision() { return 1; }
        @Override public List<Region> regions() { return List.of(); }
        @Override public Optional<Region> region(String id) { return Optional.empty(); }
        @Override public List<Opgave> opgaven() { return List.of(opgave); }
        @Override public Optional<Opgave> opgave(String id) { return opgave.id().equals(id) ? Optional.of(opgave) : Optional.empty(); }
        @Override public List<Kpi> kpis() { return List.of(kpi); }
        @Override public Optional<Kpi> kpi(String id) { return kpi.id().equals(id) ? Optional.of(kpi) : Optional.empty(); }
        @Override public List<Lesson> lessons() { return List.of(); }
        @Override public List<Screen> screens(String regionId) { return List.of(); }
        @Override public List<Measurement> initialMeasurements(String regionId) { return List.of(); }
        @Override public List<PilotStatus> pilots() { return new ArrayList<>(); }
    }
}
