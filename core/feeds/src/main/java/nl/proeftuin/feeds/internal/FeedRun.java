package nl.proeftuin.feeds.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.proeftuin.api.pilot.DataFeed;
import nl.proeftuin.feeds.FeedStatus;

/** One registered feed and the state of its calls. Guarded by its own monitor. */
final class FeedRun {

    final long serviceId;
    final long bundleId;
    final String symbolicName;
    final String regionId;
    final DataFeed feed;
    final Set<String> kpiIds;
    final Duration interval;
    Future<?> schedule;
    Future<?> call;
    /** True from the moment a call starts until it really returns; a cancelled Future says done too early. */
    final AtomicBoolean inCall = new AtomicBoolean();
    Instant callStarted;
    Instant lastRun;
    Instant lastSuccess;
    int lastRows;
    List<String> problems;

    FeedRun(long serviceId, long bundleId, String symbolicName, String regionId, DataFeed feed, Set<String> kpiIds,
            Duration interval, List<String> problems) {
        this.serviceId = serviceId;
        this.bundleId = bundleId;
        this.symbolicName = symbolicName;
        this.regionId = regionId;
        this.feed = feed;
        this.kpiIds = kpiIds;
        this.interval = interval;
        this.problems = problems;
    }

    synchronized FeedStatus status() {
        return new FeedStatus(bundleId, symbolicName, regionId, kpiIds.stream().sorted().toList(), interval, lastRun,
                lastSuccess, lastRows, problems);
    }
}
