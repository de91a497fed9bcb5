package nl.proeftuin.feeds.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.proeftuin.api.pilot.DataFeed;
import nl.proeftuin.feeds.FeedStatus;

/**
 * One registered feed and the state of its calls. The fields without {@code final} are guarded by the run's own
 * monitor, which is only ever held for a moment: never while the feed or the store is called.
 */
final class FeedRun {

    final long serviceId;
    final long bundleId;
    final String symbolicName;
    final String regionId;
    final DataFeed feed;
    final Set<String> kpiIds;
    final Duration interval;
    /** True from the moment {@code fetch} is entered until it really returns, also long after a time-out. */
    final AtomicBoolean inFetch = new AtomicBoolean();
    Future<?> schedule;
    /** The latest call, or null before the first. */
    FeedCall call;
    /** False once the feed's service is gone: no new call starts. */
    boolean active = true;
    Instant lastRun;
    Instant lastSuccess;
    int lastRows;
    /** Failed calls (exceptions and time-outs) since the last success, and when the first of them started. */
    int failuresInARow;
    Instant failingSince;
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
        this.problems = List.copyOf(problems);
    }

    synchronized FeedStatus status() {
        return new FeedStatus(bundleId, symbolicName, regionId, kpiIds.stream().sorted().toList(), interval, lastRun,
                lastSuccess, lastRows, problems);
    }

    /** Notes a failed call and returns how to say it: once plainly, after that with the count and since when. */
    synchronized String failed(Instant started, String once, String what) {
        if (failuresInARow++ == 0) {
            failingSince = started;
        }
        return failuresInARow == 1 ? once
                : "The feed failed " + failuresInARow + " times in a row since " + seconds(failingSince) + "; the last time "
                        + what;
    }

    static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
