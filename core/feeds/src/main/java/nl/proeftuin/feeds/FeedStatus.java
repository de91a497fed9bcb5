package nl.proeftuin.feeds;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One data feed and how its last calls went.
 *
 * @param bundleId the bundle that registered the feed
 * @param symbolicName that bundle's symbolic name
 * @param regionId the region its manifest declares, or null
 * @param kpiIds the KPIs it delivers values for
 * @param interval how often the core calls it (at least the core's minimum)
 * @param lastRun when the last call started, or null before the first
 * @param lastSuccess when the last successful call started, or null
 * @param lastRows how many measurements the last successful call recorded
 * @param problems what went wrong in the last call (exception, time-out, rejected rows; how many calls in a row failed
 *     and since when), or that a call has not returned since its time-out; empty when the last call went well
 */
public record FeedStatus(long bundleId, String symbolicName, String regionId, List<String> kpiIds, Duration interval,
        Instant lastRun, Instant lastSuccess, int lastRows, List<String> problems) {

    /**
     * Validates and copies.
     */
    public FeedStatus {
        Objects.requireNonNull(symbolicName, "symbolicName");
        kpiIds = List.copyOf(kpiIds);
        problems = List.copyOf(problems);
    }
}
