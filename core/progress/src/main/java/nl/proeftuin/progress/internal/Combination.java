package nl.proeftuin.progress.internal;

import java.util.List;
import nl.proeftuin.api.model.DataPoint;
import nl.proeftuin.api.model.Direction;
import nl.proeftuin.api.model.RollUp;

/**
 * The KPIs of one standard indicator combined into one synthetic indicator, ready to be
 * assessed like a single KPI.
 *
 * @param method how the values were combined
 * @param unit the shared unit
 * @param direction the shared direction
 * @param kpiIds the ids of the KPIs combined, alphabetically; unmodifiable
 * @param baseline the combined baseline, dated at the latest baseline date
 * @param targets the combined targets, each after the baseline, by date; unmodifiable, not
 *     empty
 * @param series the combined values, one per measured period, by date; unmodifiable
 */
public record Combination(RollUp method, String unit, Direction direction, List<String> kpiIds,
        DataPoint baseline, List<DataPoint> targets, List<DataPoint> series) {

    /**
     * Copies the lists.
     *
     * @param method see {@link #method()}
     * @param unit see {@link #unit()}
     * @param direction see {@link #direction()}
     * @param kpiIds see {@link #kpiIds()}
     * @param baseline see {@link #baseline()}
     * @param targets see {@link #targets()}
     * @param series see {@link #series()}
     */
    public Combination {
        kpiIds = List.copyOf(kpiIds);
        targets = List.copyOf(targets);
        series = List.copyOf(series);
    }
}
