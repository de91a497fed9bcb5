package nl.proeftuin.progress;

import java.util.List;
import java.util.Objects;
import nl.proeftuin.api.model.DataPoint;
import nl.proeftuin.api.model.RollUp;

/**
 * The national roll-up of the KPIs of several regions that share a
 * {@link nl.proeftuin.api.model.Kpi#standardCode() standard indicator code}, as computed by
 * {@link ProgressCalculator#rollUp}: the combined baseline, targets and measurement series, and
 * the progress of that combination.
 *
 * @param standardCode the standard indicator code, e.g. {@code "woningen-verduurzaamd-per-dag"};
 *     never {@code null}
 * @param method how the KPIs' values were combined; never {@code null}
 * @param unit the unit shared by the KPIs and the combined values; never {@code null}
 * @param kpiIds the ids of the KPIs combined, in alphabetical order; unmodifiable, never
 *     {@code null}
 * @param baseline the combined baseline, dated at the latest baseline date of the KPIs; never
 *     {@code null}
 * @param targets the combined targets in date order, each after {@code baseline}; unmodifiable,
 *     never {@code null} or empty
 * @param series the combined values, one per date on which any of the KPIs was measured, in
 *     date order; unmodifiable, empty when none was measured, never {@code null}
 * @param progress the progress of the combination; its {@link KpiProgress#kpiId() kpiId} is the
 *     standard code; never {@code null}
 */
public record RollUpProgress(String standardCode, RollUp method, String unit, List<String> kpiIds,
        DataPoint baseline, List<DataPoint> targets, List<DataPoint> series,
        KpiProgress progress) {

    /**
     * Checks the components and copies the lists.
     *
     * @param standardCode see {@link #standardCode()}
     * @param method see {@link #method()}
     * @param unit see {@link #unit()}
     * @param kpiIds see {@link #kpiIds()}
     * @param baseline see {@link #baseline()}
     * @param targets see {@link #targets()}
     * @param series see {@link #series()}
     * @param progress see {@link #progress()}
     * @throws NullPointerException if a component or a list element is {@code null}
     */
    public RollUpProgress {
        Objects.requireNonNull(standardCode, "standardCode");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(unit, "unit");
        kpiIds = List.copyOf(kpiIds);
        Objects.requireNonNull(baseline, "baseline");
        targets = List.copyOf(targets);
        series = List.copyOf(series);
        Objects.requireNonNull(progress, "progress");
    }
}
