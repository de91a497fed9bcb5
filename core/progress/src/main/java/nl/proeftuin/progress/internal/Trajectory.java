package nl.proeftuin.progress.internal;

import java.time.LocalDate;
import java.util.List;
import nl.proeftuin.api.model.DataPoint;
import nl.proeftuin.api.model.Kpi;

/**
 * The planned path of a KPI: piecewise linear from the baseline through each target, by date;
 * the baseline value before the baseline date and the final target value after the final
 * target.
 */
public final class Trajectory {

    /** Not instantiable: static methods only. */
    private Trajectory() {
    }

    /**
     * The value the trajectory has on a date.
     *
     * @param kpi the KPI whose baseline and targets define the trajectory; not {@code null}
     * @param date the date; not {@code null}
     * @return the planned value on {@code date}, in the KPI's unit
     */
    public static double valueAt(Kpi kpi, LocalDate date) {
        DataPoint previous = kpi.baseline();
        if (!date.isAfter(previous.date())) {
            return previous.value();
        }
        for (DataPoint next : kpi.targets()) {
            if (!date.isAfter(next.date())) {
                return interpolate(previous, next, date);
            }
            previous = next;
        }
        return previous.value();
    }

    /**
     * The date of the last point defining the trajectory (baseline or target) on or before a
     * date: how recent the plan is that the value on {@code date} comes from.
     *
     * @param kpi the KPI; not {@code null}
     * @param date the date; not {@code null}
     * @return the date of that point, or {@code null} when the baseline is after {@code date}
     */
    public static LocalDate lastPointOnOrBefore(Kpi kpi, LocalDate date) {
        LocalDate found = null;
        if (!kpi.baseline().date().isAfter(date)) {
            found = kpi.baseline().date();
        }
        for (DataPoint target : kpi.targets()) {
            if (!target.date().isAfter(date)) {
                found = target.date();
            }
        }
        return found;
    }

    /**
     * The governing target: the first target dated on or after {@code today}, or the final
     * target when all are in the past.
     *
     * @param targets the targets in strictly increasing date order; not empty
     * @param today the day of the assessment; not {@code null}
     * @return the governing target, never {@code null}
     */
    public static DataPoint governingTarget(List<DataPoint> targets, LocalDate today) {
        for (DataPoint target : targets) {
            if (!target.date().isBefore(today)) {
                return target;
            }
        }
        return targets.get(targets.size() - 1);
    }

    /**
     * Linear interpolation between two points with {@code from.date < date <= to.date}.
     * Multiplying before dividing keeps whole-number plans exact (one rounding step).
     */
    private static double interpolate(DataPoint from, DataPoint to, LocalDate date) {
        long span = to.date().toEpochDay() - from.date().toEpochDay();
        long elapsed = date.toEpochDay() - from.date().toEpochDay();
        if (elapsed == span) {
            return to.value();
        }
        return from.value() + (to.value() - from.value()) * elapsed / span;
    }
}
