package nl.proeftuin.progress;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How many KPIs of one group (a theme or a region) have each {@link Status}, as computed by
 * {@link ProgressCalculator#summarise}.
 *
 * @param key the group's id, e.g. a theme id such as {@code "energietransitie"} or a region id
 *     such as {@code "zeeland"}; never {@code null}
 * @param counts the number of KPIs per status; holds every status (0 when none) in the
 *     declaration order of {@link Status}; unmodifiable, never {@code null}
 * @param total the number of KPIs in the group, the sum of {@code counts}
 */
public record Summary(String key, Map<Status, Integer> counts, int total) {

    /**
     * Checks the components, fills absent statuses with 0 and copies the map in status order.
     *
     * @param key see {@link #key()}
     * @param counts see {@link #counts()}; statuses absent from it count as 0
     * @param total see {@link #total()}
     * @throws NullPointerException if {@code key}, {@code counts} or a value in it is
     *     {@code null}
     * @throws IllegalArgumentException if a count is negative or {@code total} is not the sum of
     *     the counts
     */
    public Summary {
        Objects.requireNonNull(key, "key");
        EnumMap<Status, Integer> copy = new EnumMap<>(Status.class);
        long sum = 0;
        for (Status status : Status.values()) {
            Integer count = counts.getOrDefault(status, 0);
            Objects.requireNonNull(count, () -> "counts[" + status + "]");
            if (count < 0) {
                throw new IllegalArgumentException("Summary.counts: " + status + " has negative"
                        + " count " + count);
            }
            copy.put(status, count);
            sum += count;
        }
        if (sum != total) {
            throw new IllegalArgumentException("Summary.total: " + total + " is not the sum "
                    + sum + " of the counts for \"" + key + "\"");
        }
        // EnumMap keeps Status order; the wrapper keeps callers from changing the summary
        counts = Collections.unmodifiableMap(copy);
    }

    /**
     * The number of KPIs with one status.
     *
     * @param status the status; not {@code null}
     * @return the count, 0 when none
     */
    public int count(Status status) {
        return counts.get(Objects.requireNonNull(status, "status"));
    }
}
