package nl.proeftuin.feeds.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.proeftuin.api.model.Kpi;
import nl.proeftuin.api.model.Measurement;
import nl.proeftuin.api.pilot.DataFeed;
import nl.proeftuin.api.pilot.Pilot;
import nl.proeftuin.feeds.FeedMonitor;
import nl.proeftuin.feeds.FeedStatus;
import nl.proeftuin.registry.Catalog;
import nl.proeftuin.registry.CatalogSnapshot;
import nl.proeftuin.store.MeasurementStore;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls every {@link DataFeed} on the core's threads: on its interval (never more often than the minimum), never
 * concurrently with itself, and never longer than the time-out. A feed that throws, hangs or delivers bad rows is
 * reported in its status and called again at its next turn; the rest of the platform does not notice.
 *
 * <p>Threads: one timer thread only starts calls and enforces time-outs; it never waits for a feed or for the store,
 * so a feed that hangs delays no other feed. Each call runs on a caller thread, which also records the rows. The
 * service's bind and unbind methods return at once, whatever the feed does.
 */
@Component(service = FeedMonitor.class, immediate = true, configurationPid = "nl.proeftuin.feeds")
@Designate(ocd = FeedScheduler.Config.class)
public final class FeedScheduler implements FeedMonitor {

    /** Settings of the feed scheduler (PID {@code nl.proeftuin.feeds}, file {@code conf/nl.proeftuin.feeds.cfg}). */
    @ObjectClassDefinition(name = "Proeftuin data feeds")
    public @interface Config {
        /**
         * How long one call of a feed may take.
         *
         * @return seconds
         */
        @AttributeDefinition(name = "Call time-out (s)", min = "1")
        int callTimeoutSeconds() default 30;

        /**
         * The shortest interval a feed gets, whatever it asks for.
         *
         * @return seconds
         */
        @AttributeDefinition(name = "Minimum interval (s)", min = "1")
        int minimumIntervalSeconds() default 60;

        /**
         * Delay before a new feed's first call.
         *
         * @return milliseconds
         */
        @AttributeDefinition(name = "First call after (ms)", min = "0")
        long firstCallDelayMillis() default 1000;
    }

    /**
     * How long {@link DataFeed#kpiIds()} and {@link DataFeed#interval()} may take together. They are documented to
     * answer at once; the limit only keeps a broken feed from holding the thread that registers it (the pilot's start).
     */
    static final Duration DESCRIBE_LIMIT = Duration.ofSeconds(2);

    /** How long stopping waits for rows that are being recorded. */
    static final Duration STOP_LIMIT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(FeedScheduler.class);

    private final Catalog catalog;
    private final MeasurementStore store;
    private final EventAdmin events;
    private final Config config;
    private final Map<Long, FeedRun> runs = new ConcurrentSkipListMap<>();
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "proeftuin-feed-timer"));
    private final ExecutorService callers = Executors.newCachedThreadPool(r -> daemon(r, "proeftuin-feed-call"));

    /**
     * Creates the scheduler.
     *
     * @param catalog the catalogue, to check that rows belong to the feed's region
     * @param store where the rows are recorded
     * @param events where "data recorded" events go
     * @param config the settings
     */
    @Activate
    public FeedScheduler(@Reference(name = "catalog") Catalog catalog, @Reference(name = "store") MeasurementStore store,
            @Reference(name = "events") EventAdmin events, Config config) {
        this.catalog = catalog;
        this.store = store;
        this.events = events;
        this.config = config;
        // cancelled tasks (a removed feed's schedule, the time-out of a call that returned) leave the queue at once
        // instead of waiting there until their due time, which may be a day away
        timer.setRemoveOnCancelPolicy(true);
    }

    /**
     * A thread of the scheduler. It may be created while a pilot registers its feed: it must not inherit that
     * pilot's context class loader, or it would keep the pilot's old revision reachable for as long as it lives.
     */
    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        thread.setContextClassLoader(null);
        return thread;
    }

    /**
     * Stops every schedule and interrupts every feed that is still fetching, then waits a moment for rows that are
     * being recorded: those threads are never interrupted, so that the store's I/O is not cut off halfway.
     */
    @Deactivate
    void deactivate() {
        timer.shutdownNow();
        List<CompletableFuture<Void>> recording = new ArrayList<>();
        for (FeedRun run : runs.values()) {
            FeedCall call;
            synchronized (run) {
                run.active = false;
                call = run.call;
            }
            if (call != null && call.stop(FeedCall.Phase.ABANDONED)) {
                call.settled.complete(null);
            } else if (call != null) {
                recording.add(call.settled);
            }
        }
        callers.shutdown();
        try {
            CompletableFuture.allOf(recording.toArray(CompletableFuture[]::new)).get(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.warn("Recording the values of a data feed did not finish within {} s of stopping", STOP_LIMIT.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public List<FeedStatus> feeds() {
        List<FeedStatus> all = new ArrayList<>();
        runs.values().forEach(run -> all.add(run.status()));
        return List.copyOf(all);
    }

    @Reference(service = DataFeed.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addFeed(DataFeed feed, ServiceReference<DataFeed> reference) {
        Bundle bundle = reference.getBundle();
        if (bundle == null) {
            return;
        }
        long serviceId = (Long) reference.getProperty(Constants.SERVICE_ID);
        String region = bundle.getHeaders("").get(Pilot.REGION_HEADER);
        List<String> problems = new ArrayList<>();
        Set<String> kpiIds = Set.of();
        Duration interval = Duration.ofSeconds(config.minimumIntervalSeconds());
        Future<Description> asking = callers.submit(() -> new Description(Set.copyOf(feed.kpiIds()), feed.interval()));
        try {
            Description description = asking.get(DESCRIBE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            kpiIds = description.kpiIds();
            if (description.interval() != null && description.interval().compareTo(interval) > 0) {
                interval = description.interval();
            }
        } catch (TimeoutException e) {
            asking.cancel(true);
            problems.add("The feed's kpiIds() and interval() did not return within " + DESCRIBE_LIMIT.toSeconds()
                    + " s; they must answer at once. The feed is not called.");
        } catch (ExecutionException e) {
            problems.add("The feed's kpiIds() or interval() failed: " + describe(e.getCause()) + ". The feed is not called.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add("Registering the feed was interrupted. The feed is not called.");
        } catch (RejectedExecutionException e) {
            return; // deactivated meanwhile
        }
        FeedRun run = new FeedRun(serviceId, bundle.getBundleId(), bundle.getSymbolicName(), region, feed, kpiIds, interval, problems);
        runs.put(serviceId, run);
        if (problems.isEmpty()) {
            synchronized (run) {
                try {
                    run.schedule = timer.scheduleWithFixedDelay(() -> call(run), config.firstCallDelayMillis(),
                            interval.toMillis(), TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException deactivated) {
                    return;
                }
            }
            LOG.info("Data feed of {} for {} every {}", run.symbolicName, kpiIds, interval);
        } else {
            LOG.warn("Data feed of {}: {}", run.symbolicName, String.join(" ", problems));
        }
    }

    void removeFeed(ServiceReference<DataFeed> reference) {
        FeedRun run = runs.remove((Long) reference.getProperty(Constants.SERVICE_ID));
        if (run == null) {
            return;
        }
        FeedCall call;
        synchronized (run) {
            run.active = false;
            if (run.schedule != null) {
                run.schedule.cancel(false);
            }
            call = run.call;
        }
        // a call that still fetches is interrupted and forgotten; one that records finishes: its rows are good
        if (call != null && call.stop(FeedCall.Phase.ABANDONED)) {
            call.settled.complete(null);
        }
    }

    /**
     * Starts one turn of a feed, on the timer thread, and returns at once: the feed runs on a caller thread.
     *
     * @param run the feed
     * @return completes once the turn's outcome is in the feed's status
     */
    CompletableFuture<Void> call(FeedRun run) {
        Instant started = Instant.now();
        FeedCall call = new FeedCall(started);
        synchronized (run) {
            if (!run.active) {
                return CompletableFuture.completedFuture(null);
            }
            FeedCall previous = run.call;
            if (previous != null && !previous.settled.isDone()) {
                return previous.settled; // still within its time-out, or recording: this turn is skipped
            }
            if (run.inFetch.get()) {
                FeedCall hanging = previous;
                long seconds = Duration.between(hanging.started, started).toSeconds();
                run.problems = List.of("The feed's call started at " + FeedRun.seconds(hanging.started) + " did not return within "
                        + config.callTimeoutSeconds() + " s and, although interrupted, has not returned after " + seconds
                        + " s; it is not called again until it returns.");
                return CompletableFuture.completedFuture(null);
            }
            run.lastRun = started;
            run.call = call;
            Instant since = run.lastSuccess;
            try {
                Future<?> task = callers.submit(() -> fetchAndRecord(run, call, since));
                call.running(task, timer.schedule(() -> timedOut(run, call), config.callTimeoutSeconds(), TimeUnit.SECONDS));
            } catch (RejectedExecutionException deactivated) {
                return CompletableFuture.completedFuture(null);
            }
        }
        return call.settled;
    }

    /** On a caller thread: the feed's fetch, then, unless the time-out struck meanwhile, the recording of its rows. */
    private void fetchAndRecord(FeedRun run, FeedCall call, Instant since) {
        List<Measurement> rows = null;
        Throwable failure = null;
        Thread thread = Thread.currentThread();
        run.inFetch.set(true);
        // the feed's libraries may look for their resources through the context class loader; the pooled thread
        // must not keep the pilot's class loader afterwards
        thread.setContextClassLoader(run.feed.getClass().getClassLoader());
        try {
            rows = run.feed.fetch(since);
        } catch (Exception | LinkageError e) {
            failure = e;
        } finally {
            thread.setContextClassLoader(null);
            run.inFetch.set(false);
        }
        if (!call.fetched()) {
            return; // timed out or removed: the outcome is settled already
        }
        Thread.interrupted(); // a feed that set its own interrupt flag must not break the store's I/O
        List<String> problems = new ArrayList<>();
        int recorded = 0;
        boolean failed = failure != null;
        if (failed) {
            String what = describe(failure);
            problems.add(run.failed(call.started, "The feed failed: " + what + ".", "with " + what + "."));
        } else {
            try {
                List<Measurement> accepted = accept(run, rows == null ? List.of() : rows, problems);
                if (!accepted.isEmpty()) {
                    store.record(accepted, "feed:" + run.symbolicName);
                    recorded = accepted.size();
                    events.postEvent(new Event("proeftuin/data/RECORDED", Map.of("region", String.valueOf(run.regionId),
                            "count", recorded, "source", "feed")));
                }
            } catch (RuntimeException e) {
                problems.add("Recording the feed's values failed: " + describe(e) + ".");
            }
        }
        settle(run, call, problems, recorded, failed);
    }

    /** On the timer thread, when a call's time is up: interrupts the feed unless it returned just now. */
    private void timedOut(FeedRun run, FeedCall call) {
        if (call.stop(FeedCall.Phase.TIMED_OUT)) {
            String once = "The feed did not return within " + config.callTimeoutSeconds() + " s; it was interrupted.";
            settle(run, call, List.of(run.failed(call.started, once, "it did not return within " + config.callTimeoutSeconds()
                    + " s and was interrupted.")), 0, true);
        }
    }

    private void settle(FeedRun run, FeedCall call, List<String> problems, int recorded, boolean failed) {
        synchronized (run) {
            run.problems = List.copyOf(problems);
            if (!failed && (problems.isEmpty() || recorded > 0)) {
                run.lastSuccess = call.started;
                run.lastRows = recorded;
            }
            if (!failed) {
                run.failuresInARow = 0;
                run.failingSince = null;
            }
        }
        if (!problems.isEmpty()) {
            LOG.warn("Data feed of {}: {}", run.symbolicName, String.join(" ", problems));
        }
        call.settled.complete(null);
    }

    /** What a feed says about itself when it is registered. */
    private record Description(Set<String> kpiIds, Duration interval) {
    }

    /** Rows for KPIs the feed did not declare, or outside its region, are refused and named; the rest are kept. */
    private List<Measurement> accept(FeedRun run, List<Measurement> rows, List<String> problems) {
        CatalogSnapshot snapshot = catalog.snapshot();
        List<Measurement> accepted = new ArrayList<>();
        Set<String> refused = new java.util.HashSet<>();
        for (Measurement row : rows) {
            if (row == null) {
                continue;
            }
            Kpi kpi = snapshot.kpi(row.kpiId()).orElse(null);
            String kpiRegion = kpi == null ? null : snapshot.opgave(kpi.opgaveId()).map(o -> o.regionId()).orElse(null);
            if (refused.contains(row.kpiId())) {
                continue; // named once
            }
            if (!run.kpiIds.contains(row.kpiId())) {
                refused.add(row.kpiId());
                problems.add("A value for KPI \"" + row.kpiId() + "\" was refused: the feed declares only " + run.kpiIds.stream().sorted().toList() + ".");
            } else if (kpi == null || kpiRegion == null || !kpiRegion.equals(run.regionId)) {
                refused.add(row.kpiId());
                problems.add("A value for KPI \"" + row.kpiId() + "\" was refused: it is not a KPI of region \"" + run.regionId + "\" in the catalogue.");
            } else {
                accepted.add(new Measurement(row.kpiId(), row.period(), row.value(), row.source()));
            }
        }
        return accepted;
    }

    private static String describe(Throwable failure) {
        return failure.getClass().getName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }
}
