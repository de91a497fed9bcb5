package nl.proeftuin.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import nl.proeftuin.api.model.DataPoint;
import nl.proeftuin.api.model.Kpi;
import nl.proeftuin.api.model.Measurement;
import nl.proeftuin.progress.internal.Combination;
import nl.proeftuin.progress.internal.Combiner;
import nl.proeftuin.progress.internal.Series;
import nl.proeftuin.progress.internal.Trajectory;
import nl.proeftuin.progress.internal.Trend;

/**
 * Computes where a KPI stands: status, actual and required pace, projected date, and national
 * roll-ups. Pure and stateless: it reads no clock (the caller passes {@code today}), does no
 * I/O, and is safe to call from any thread.
 *
 * <p>Values are in the KPI's {@link Kpi#unit() unit}; paces are in that unit <em>per day</em>;
 * "days" are calendar days between dates. The definitions, which are product decisions:
 *
 * <ol>
 *   <li><b>Trajectory</b>: piecewise linear from the baseline through each target, by date.
 *       Before the baseline date it is the baseline value; after the final target, the final
 *       target value.</li>
 *   <li><b>Governing target</b>: the first target dated on or after {@code today}; when all
 *       targets are in the past, the final target.</li>
 *   <li><b>Latest</b>: the measurement with the greatest period. Measurements may come in any
 *       order; of several for the same period the one with the later
 *       {@link Measurement#recordedAt() recordedAt} counts ({@code null}, not yet stamped, is
 *       the oldest; on a full tie the later one in the list). Without measurements the status
 *       is {@link Status#NO_DATA}, and {@code latest}, {@code actualPace}, {@code requiredPace}
 *       and {@code projectedDate} are {@code null} and {@code expected} and
 *       {@code shareOfTarget} NaN; only the governing target is given.</li>
 *   <li><b>{@link Status#ACHIEVED}</b> when the latest value meets or passes the <em>final</em>
 *       target in the KPI's direction (higher is better: latest &ge; final; lower is better:
 *       latest &le; final).</li>
 *   <li>Otherwise the latest value is compared with {@code expected}, the trajectory at the
 *       latest period: {@code gap = (latest - expected) * direction.sign()} and
 *       {@code scale = |final target - baseline|} (when 0: {@code max(|final target|, 1)}).
 *       {@link Status#ON_TRACK} when {@code gap >= 0}; {@link Status#AT_RISK} when
 *       {@code gap >= -0.10 * scale}; {@link Status#OFF_TRACK} otherwise. Also
 *       {@link Status#OFF_TRACK} when the governing target's date is before {@code today} and
 *       the latest value does not meet it (a target in the past was missed).</li>
 *   <li><b>Actual pace</b>: the least-squares slope of value against day over the measurements
 *       dated within 365 days before the latest period (both ends inclusive); over all
 *       measurements when that window holds fewer than two; for a single measurement the slope
 *       of the line from the baseline to it ({@code null} when it is dated on the baseline
 *       date).</li>
 *   <li><b>Required pace</b>: {@code (governing target - latest) / days(latest period ->
 *       governing target date)}; only when that date is after the latest period and not before
 *       {@code today}, and the KPI is not achieved; else {@code null}. It can be 0 or point
 *       backwards when the latest value already passes an intermediate governing target.</li>
 *   <li><b>Projected date</b>: for an achieved KPI, the period of the first measurement that met
 *       the final target. Otherwise, when the actual pace moves toward the final target
 *       ({@code pace * sign > 0}): latest period + {@code ceil((final target - latest) / pace)}
 *       days; {@code null} when that is after 31 December 9999. When the pace is flat or moves
 *       away: {@code null}, "never at the current pace".</li>
 *   <li><b>Share of target</b>: {@code (latest - baseline) / (governing target - baseline)};
 *       when the denominator is 0: 1.0 if achieved, else NaN.</li>
 *   <li><b>Roll-up</b> of the KPIs that share a standard code (see {@link #rollUp}): they must
 *       agree on roll-up method, unit and direction. The combined series has a value at every
 *       period on which any of them was measured: each KPI contributes its last value at or
 *       before that period (carried forward; its baseline value before its first measurement).
 *       {@link nl.proeftuin.api.model.RollUp#SUM SUM} adds,
 *       {@link nl.proeftuin.api.model.RollUp#AVERAGE AVERAGE} takes the mean,
 *       {@link nl.proeftuin.api.model.RollUp#LAST LAST} takes the value of the KPI whose latest
 *       measurement at or before the period is the most recent. The baselines combine the same
 *       way, dated at the latest baseline date; targets are combined at every target date of any
 *       KPI after that date, from each KPI's trajectory value on it. The combination is then
 *       assessed with the rules above as one synthetic KPI.</li>
 * </ol>
 *
 * <p>Comparisons that decide the status (rules 4 and 5, and which measurement first met the
 * target) allow a tolerance of one billionth of {@code scale}, so that binary rounding in an
 * interpolated or summed value never flips a value that lies exactly on a boundary.
 */
public final class ProgressCalculator {

    /** Behind the trajectory by at most this share of the baseline-to-target distance: at risk. */
    private static final double AT_RISK_BAND = 0.10;
    /** Relative tolerance of status comparisons, far below any precision a reader sees. */
    private static final double TOLERANCE = 1e-9;
    /** The last date a projection may name; beyond it the answer is "never". */
    private static final LocalDate LAST_PROJECTABLE = LocalDate.of(9999, 12, 31);
    /** The opgave id of the synthetic KPI a roll-up is assessed as. */
    private static final String ROLLUP_OPGAVE = "rollup";

    /** Not instantiable: static methods only. */
    private ProgressCalculator() {
    }

    /**
     * Assesses one KPI on a day, following the definitions in the class documentation.
     *
     * @param kpi the KPI; not {@code null}
     * @param measurements its measurements, in any order, possibly several for one period; all
     *     are taken to belong to {@code kpi}; not {@code null}, no {@code null} elements
     * @param today the day of the assessment, which decides the governing target; not
     *     {@code null}
     * @return the progress, never {@code null}
     * @throws NullPointerException if an argument or a measurement is {@code null}
     */
    public static KpiProgress progress(Kpi kpi, List<Measurement> measurements, LocalDate today) {
        Objects.requireNonNull(kpi, "kpi");
        Objects.requireNonNull(measurements, "measurements");
        Objects.requireNonNull(today, "today");
        DataPoint baseline = kpi.baseline();
        DataPoint finalTarget = kpi.finalTarget();
        DataPoint governing = Trajectory.governingTarget(kpi.targets(), today);
        List<Measurement> series = Series.onePerPeriod(measurements);
        if (series.isEmpty()) {
            return new KpiProgress(kpi.id(), Status.NO_DATA, null, governing, Double.NaN, null,
                    null, null, Double.NaN);
        }

        int sign = kpi.direction().sign();
        double distance = Math.abs(finalTarget.value() - baseline.value());
        double scale = distance != 0 ? distance : Math.max(Math.abs(finalTarget.value()), 1);
        double tolerance = TOLERANCE * scale;
        Measurement last = series.get(series.size() - 1);
        DataPoint latest = new DataPoint(last.period(), last.value());
        double expected = Trajectory.valueAt(kpi, latest.date());
        boolean achieved = meets(latest.value(), finalTarget.value(), sign, tolerance);

        Status status;
        if (achieved) {
            status = Status.ACHIEVED;
        } else if (governing.date().isBefore(today)
                && !meets(latest.value(), governing.value(), sign, tolerance)) {
            status = Status.OFF_TRACK;
        } else {
            double gap = (latest.value() - expected) * sign;
            if (gap >= -tolerance) {
                status = Status.ON_TRACK;
            } else if (gap >= -AT_RISK_BAND * scale - tolerance) {
                status = Status.AT_RISK;
            } else {
                status = Status.OFF_TRACK;
            }
        }

        double slope = Trend.perDay(baseline, series);
        Pace actualPace = Double.isNaN(slope) ? null : new Pace(slope);

        Pace requiredPace = null;
        if (!achieved && governing.date().isAfter(latest.date())
                && !governing.date().isBefore(today)) {
            long days = governing.date().toEpochDay() - latest.date().toEpochDay();
            requiredPace = new Pace((governing.value() - latest.value()) / days);
        }

        LocalDate projectedDate;
        if (achieved) {
            projectedDate = series.stream()
                    .filter(m -> meets(m.value(), finalTarget.value(), sign, tolerance))
                    .findFirst().orElseThrow().period();
        } else {
            projectedDate = project(latest, finalTarget.value(), actualPace, sign);
        }

        double denominator = governing.value() - baseline.value();
        double share = denominator != 0 ? (latest.value() - baseline.value()) / denominator
                : achieved ? 1.0 : Double.NaN;

        return new KpiProgress(kpi.id(), status, latest, governing, expected, actualPace,
                requiredPace, projectedDate, share);
    }

    /**
     * Combines the KPIs of several regions that share a standard indicator code into a national
     * figure and assesses it (rule 10 in the class documentation). The result's progress is
     * computed as for a KPI with id {@code standardCode}, name {@code standardCode} and opgave
     * {@code "rollup"}.
     *
     * @param standardCode the standard indicator code, e.g.
     *     {@code "woningen-verduurzaamd-per-dag"}; not {@code null}
     * @param kpis the KPIs with that code, in any order; not {@code null} or empty
     * @param measurementsByKpi measurements per KPI id, each list in any order; a KPI without an
     *     entry has no measurements; not {@code null}
     * @param today the day of the assessment; not {@code null}
     * @return the combined baseline, targets, series and their progress, never {@code null}
     * @throws IllegalArgumentException if {@code kpis} is empty, a KPI has another standard
     *     code or appears twice, or the KPIs differ in roll-up method, unit or direction; the
     *     message names the KPIs and the differing values, for the caller to report
     * @throws NullPointerException if an argument, a KPI or a measurement is {@code null}
     */
    public static RollUpProgress rollUp(String standardCode, List<Kpi> kpis,
            Map<String, List<Measurement>> measurementsByKpi, LocalDate today) {
        Objects.requireNonNull(today, "today");
        Combination c = Combiner.combine(standardCode, kpis, measurementsByKpi);
        Kpi synthetic = new Kpi(standardCode, ROLLUP_OPGAVE, standardCode, c.unit(),
                c.direction(), c.baseline(), c.targets(), c.method(), standardCode, null);
        List<Measurement> measurements = new ArrayList<>(c.series().size());
        for (DataPoint point : c.series()) {
            measurements.add(new Measurement(standardCode, point.date(), point.value(), null));
        }
        return new RollUpProgress(standardCode, c.method(), c.unit(), c.kpiIds(), c.baseline(),
                c.targets(), c.series(), progress(synthetic, measurements, today));
    }

    /**
     * Counts the statuses per group, for the dashboard's overview per theme or per region.
     *
     * @param grouped the progress of the KPIs per group key (a theme id or a region id); not
     *     {@code null}, no {@code null} keys, lists or elements
     * @return one summary per key, keys in alphabetical order; each holds every status, 0 when
     *     none; an unmodifiable list, never {@code null}
     * @throws NullPointerException if the map, a key, a list or an element is {@code null}
     */
    public static List<Summary> summarise(Map<String, List<KpiProgress>> grouped) {
        Objects.requireNonNull(grouped, "grouped");
        List<Summary> summaries = new ArrayList<>(grouped.size());
        for (Map.Entry<String, List<KpiProgress>> group : new TreeMap<>(grouped).entrySet()) {
            Map<Status, Integer> counts = new EnumMap<>(Status.class);
            List<KpiProgress> members = Objects.requireNonNull(group.getValue(), group.getKey());
            for (KpiProgress p : members) {
                counts.merge(Objects.requireNonNull(p, group.getKey()).status(), 1, Integer::sum);
            }
            summaries.add(new Summary(group.getKey(), counts, members.size()));
        }
        return List.copyOf(summaries);
    }

    /** Whether {@code value} meets or passes {@code target} in the direction given by sign. */
    private static boolean meets(double value, double target, int sign, double tolerance) {
        return (value - target) * sign >= -tolerance;
    }

    /**
     * The date the final target is reached at the given pace, or {@code null} for never: no
     * pace, flat or away from the target, or beyond the last representable year.
     */
    private static LocalDate project(DataPoint latest, double finalTarget, Pace pace, int sign) {
        if (pace == null || pace.perDay() * sign <= 0) {
            return null;
        }
        double days = Math.ceil((finalTarget - latest.value()) / pace.perDay());
        long room = LAST_PROJECTABLE.toEpochDay() - latest.date().toEpochDay();
        // also rejects infinity, which a tiny pace gives; NaN cannot occur with a finite pace
        if (!(days <= room)) {
            return null;
        }
        return latest.date().plusDays((long) days);
    }
}
