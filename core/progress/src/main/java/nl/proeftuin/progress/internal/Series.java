package nl.proeftuin.progress.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import nl.proeftuin.api.model.Measurement;

/** Turns the measurements of one KPI, as stored, into one value per period in date order. */
public final class Series {

    /** Later recordedAt wins; a value not yet stamped by the core counts as the oldest. */
    private static final Comparator<Instant> RECORDED_AT =
            Comparator.nullsFirst(Comparator.naturalOrder());

    /** Not instantiable: static methods only. */
    private Series() {
    }

    /**
     * Sorts measurements by period and keeps one per period: the one with the later
     * {@link Measurement#recordedAt() recordedAt} ({@code null} counts as earlier than any
     * instant); when that is equal too, the one that comes later in the list (a correction is
     * normally appended after the value it corrects).
     *
     * @param measurements the measurements of one KPI, in any order; not {@code null}, no
     *     {@code null} elements
     * @return one measurement per period, by increasing period; a new modifiable list
     * @throws NullPointerException if the list or an element is {@code null}
     */
    public static List<Measurement> onePerPeriod(List<Measurement> measurements) {
        TreeMap<LocalDate, Measurement> byPeriod = new TreeMap<>();
        for (Measurement m : measurements) {
            Objects.requireNonNull(m, "measurement");
            byPeriod.merge(m.period(), m, (kept, candidate) ->
                    RECORDED_AT.compare(candidate.recordedAt(), kept.recordedAt()) >= 0
                            ? candidate : kept);
        }
        return new ArrayList<>(byPeriod.values());
    }
}
