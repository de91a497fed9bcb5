package nl.proeftuin.progress;

/**
 * Where a KPI stands, as shown on the dashboard. See {@link ProgressCalculator} for the exact
 * rules.
 */
public enum Status {
    /** The latest value meets or passes the final target in the KPI's direction. */
    ACHIEVED,
    /** The latest value is on or ahead of the trajectory from baseline to targets. */
    ON_TRACK,
    /** Behind the trajectory, but by at most 10% of the distance from baseline to final target. */
    AT_RISK,
    /** Further behind than {@link #AT_RISK}, or a target whose date has passed was missed. */
    OFF_TRACK,
    /** No measurement has been recorded yet. */
    NO_DATA
}
