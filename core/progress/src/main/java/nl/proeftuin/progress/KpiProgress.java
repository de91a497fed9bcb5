package nl.proeftuin.progress;

import java.time.LocalDate;
import java.util.Objects;
import nl.proeftuin.api.model.DataPoint;

/**
 * Where one KPI (or one national roll-up) stands on a given day, as computed by
 * {@link ProgressCalculator#progress}. All values are in the KPI's unit; paces are in the KPI's
 * unit per day. The class documentation of {@link ProgressCalculator} gives the definitions.
 *
 * @param kpiId the id of the KPI (for a roll-up: the standard indicator code); never
 *     {@code null}
 * @param status where the KPI stands; never {@code null}
 * @param latest the measurement with the greatest period, as (period, value); {@code null} when
 *     there is no data
 * @param target the governing target: the first target dated on or after {@code today}, or the
 *     final target when all are in the past; never {@code null}
 * @param expected the value the trajectory from baseline through the targets has at the date
 *     of {@code latest}, in the KPI's unit; NaN when there is no data
 * @param actualPace the recent trend (least-squares slope), in the KPI's unit per day;
 *     {@code null} when there is no data, or a single measurement dated on the baseline date
 * @param requiredPace the pace needed from the latest value to reach the governing target on
 *     its date, in the KPI's unit per day; {@code null} when there is no data, the KPI is
 *     achieved, or the governing target's date is not after the latest period or is before
 *     {@code today}
 * @param projectedDate when the final target is (or was first) met: for an achieved KPI the
 *     period of the first measurement that met it, otherwise the date at the current pace;
 *     {@code null} when there is no data, or "never at the current pace" (flat, moving away, or
 *     after the year 9999)
 * @param shareOfTarget the part of the way from baseline to the governing target covered by the
 *     latest value: 0 at the baseline, 1 at the target, below 0 when worse than the baseline
 *     and above 1 when past the target; NaN when there is no data, or when the governing target
 *     equals the baseline and the KPI is not achieved
 */
public record KpiProgress(String kpiId, Status status, DataPoint latest, DataPoint target,
        double expected, Pace actualPace, Pace requiredPace, LocalDate projectedDate,
        double shareOfTarget) {

    /**
     * Checks the components that are always present.
     *
     * @param kpiId see {@link #kpiId()}
     * @param status see {@link #status()}
     * @param latest see {@link #latest()}
     * @param target see {@link #target()}
     * @param expected see {@link #expected()}
     * @param actualPace see {@link #actualPace()}
     * @param requiredPace see {@link #requiredPace()}
     * @param projectedDate see {@link #projectedDate()}
     * @param shareOfTarget see {@link #shareOfTarget()}
     * @throws NullPointerException if {@code kpiId}, {@code status} or {@code target} is
     *     {@code null}
     */
    public KpiProgress {
        Objects.requireNonNull(kpiId, "kpiId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(target, "target");
    }
}
