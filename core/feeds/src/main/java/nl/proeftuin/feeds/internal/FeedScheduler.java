package nl.proeftuin.feeds.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
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

    private static final Logger LOG = LoggerFactory.getLogger(FeedScheduler.class);

    private final Catalog catalog;
    private final MeasurementStore store;
    private final EventAdmin events;
    private final Config config;
    private final Map<Long, FeedRun> runs = new ConcurrentSkipListMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "proeftuin-feed-timer"));
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
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
        callers.shutdownNow();
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
        try {
            // both are documented to answer at once, without I/O
            kpiIds = Set.copyOf(feed.kpiIds());
            Duration asked = feed.interval();
            if (asked != null && asked.compareTo(interval) > 0) {
                interval = asked;
            }
        } catch (RuntimeException e) {
            problems.add("The feed's kpiIds() or interval() failed: " + describe(e) + ".");
        }
        FeedRun run = new FeedRun(serviceId, bundle.getBundleId(), bundle.getSymbolicName(), region, feed, kpiIds, interval, problems);
        runs.put(serviceId, run);
        if (problems.isEmpty() && !timer.isShutdown()) {
            run.schedule = timer.scheduleWithFixedDelay(() -> call(run), config.firstCallDelayMillis(),
                    interval.toMillis(), TimeUnit.MILLISECONDS);
        }
        LOG.info("Data feed of {} for {} every {}", run.symbolicName, kpiIds, interval);
    }

    void removeFeed(ServiceReference<DataFeed> reference) {
        FeedRun run = runs.remove((Long) reference.getProperty(Constants.SERVICE_ID));
        if (run != null) {
            synchronized (run) {
                if (run.schedule != null) {
                    run.schedule.cancel(false);
                }
                if (run.call != null) {
                    run.call.cancel(true);
                }
            }
        }
    }

    /** One turn of a feed, on the timer thread; the feed itself runs on a caller thread with a time-out. */
    void call(FeedRun run) {
        Instant started = Instant.now();
        Instant since;
        Future<List<Measurement>> call;
        synchronized (run) {
            if (!run.inCall.compareAndSet(false, true)) {
                run.problems = List.of("The feed's previous call, started " + run.callStarted + ", has not returned; "
                        + "it is not called again until it does.");
                return;
            }
            since = run.lastSuccess;
            run.lastRun = started;
            run.callStarted = started;
            call = callers.submit(() -> {
                try {
                    return run.feed.fetch(since);
                } finally {
                    run.inCall.set(false);
                }
            });
            run.call = call;
        }
        List<String> problems = new ArrayList<>();
        int recorded = 0;
        try {
            List<Measurement> rows = call.get(config.callTimeoutSeconds(), TimeUnit.SECONDS);
            List<Measurement> accepted = accept(run, rows == null ? List.of() : rows, problems);
            if (!accepted.isEmpty()) {
                store.record(accepted, "feed:" + run.symbolicName);
                recorded = accepted.size();
                events.postEvent(new Event("proeftuin/data/RECORDED", Map.of("region", String.valueOf(run.regionId),
                        "count", recorded, "source", "feed")));
            }
        } catch (TimeoutException e) {
            call.cancel(true);
            problems.add("The feed did not return within " + config.callTimeoutSeconds() + " s; it was interrupted.");
        } catch (ExecutionException e) {
            problems.add("The feed failed: " + describe(e.getCause()) + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            problems.add("Recording the feed's values failed: " + describe(e) + ".");
        }
        synchronized (run) {
            run.problems = List.copyOf(problems);
            if (problems.isEmpty() || recorded > 0) {
                run.lastSuccess = started;
                run.lastRows = recorded;
            }
        }
        if (!problems.isEmpty()) {
            LOG.warn("Data feed of {}: {}", run.symbolicName, String.join(" ", problems));
        }
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
