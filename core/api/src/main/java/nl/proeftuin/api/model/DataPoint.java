package nl.proeftuin.api.model;

import java.time.LocalDate;
import nl.proeftuin.api.internal.Checks;

/**
 * A value on a date: a {@link Kpi#baseline() baseline} or a {@link Kpi#targets() target}.
 *
 * <p>Data points are ordered by date only; two points on the same date with different values
 * compare as equal but are not {@link #equals(Object) equal}.
 *
 * @param date the date the value holds for; never {@code null}
 * @param value the value, in the KPI's {@link Kpi#unit() unit}; a finite number
 */
public record DataPoint(LocalDate date, double value) implements Comparable<DataPoint> {

    /**
     * Validates the components.
     *
     * @param date see {@link #date()}
     * @param value see {@link #value()}
     * @throws IllegalArgumentException if {@code date} is {@code null} or {@code value} is NaN
     *     or infinite
     */
    public DataPoint {
        Checks.notNull("DataPoint", "date", date);
        Checks.finite("DataPoint", "value", value);
    }

    /**
     * Compares by date.
     *
     * @param other the point to compare with; not {@code null}
     * @return negative, zero or positive as this point's date is before, on or after the other's
     * @throws NullPointerException if {@code other} is {@code null}, as {@link Comparable}
     *     requires
     */
    @Override
    public int compareTo(DataPoint other) {
        return date.compareTo(other.date);
    }
}
