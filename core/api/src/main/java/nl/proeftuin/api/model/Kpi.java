package nl.proeftuin.api.model;

import java.util.List;
import nl.proeftuin.api.internal.Checks;

/**
 * A key performance indicator: a quantity, measured over time, that shows progress on an
 * {@link Opgave}. The core computes its status (achieved, on track, at risk, off track, no data)
 * from the trajectory between the baseline and the targets and the {@link Measurement
 * measurements} recorded for it.
 *
 * @param id stable identifier, a slug unique across all regions (e.g.
 *     {@code "zeeland-woningen-geisoleerd"}); measurements are stored under it; never
 *     {@code null}
 * @param opgaveId the {@link Opgave#id() id} of the opgave it measures, a slug; never
 *     {@code null}
 * @param name display name; non-blank, never {@code null}
 * @param unit the unit of every value, as shown to readers, e.g. {@code "woningen"} or
 *     {@code "%"}; non-blank, never {@code null}
 * @param direction which way is better; never {@code null}
 * @param baseline the starting point of the trajectory; never {@code null}
 * @param targets one or more targets in strictly increasing date order, each dated after the
 *     baseline; unmodifiable, never {@code null} or empty
 * @param rollUp how values combine across regions and periods; never {@code null}
 * @param standardCode the shared standard indicator code, a slug such as
 *     {@code "woningen-verduurzaamd-per-dag"}; KPIs of different regions with the same code
 *     measure the same thing in the same unit and are added up and compared nationally;
 *     {@code null} when the KPI is specific to this region
 * @param metadata definition, source and method; {@code null} becomes {@link KpiMetadata#NONE}
 */
public record Kpi(String id, String opgaveId, String name, String unit, Direction direction,
        DataPoint baseline, List<DataPoint> targets, RollUp rollUp, String standardCode,
        KpiMetadata metadata) {

    /**
     * Validates the components, including the order of the target dates, and copies the list.
     *
     * @param id see {@link #id()}
     * @param opgaveId see {@link #opgaveId()}
     * @param name see {@link #name()}
     * @param unit see {@link #unit()}
     * @param direction see {@link #direction()}
     * @param baseline see {@link #baseline()}
     * @param targets see {@link #targets()}
     * @param rollUp see {@link #rollUp()}
     * @param standardCode see {@link #standardCode()}
     * @param metadata see {@link #metadata()}
     * @throws IllegalArgumentException if a component is invalid, with a message naming it
     *     (for a target, its index)
     */
    public Kpi {
        Checks.slug("Kpi", "id", id);
        Checks.slug("Kpi", "opgaveId", opgaveId);
        Checks.nonBlank("Kpi", "name", name);
        Checks.nonBlank("Kpi", "unit", unit);
        Checks.notNull("Kpi", "direction", direction);
        Checks.notNull("Kpi", "baseline", baseline);
        targets = Checks.nonEmptyList("Kpi", "targets", targets);
        for (int i = 0; i < targets.size(); i++) {
            DataPoint target = targets.get(i);
            if (!target.date().isAfter(baseline.date())) {
                throw Checks.fail("Kpi", "targets[" + i + "]", "date " + target.date()
                        + " is not after the baseline date " + baseline.date());
            }
            if (i > 0 && !target.date().isAfter(targets.get(i - 1).date())) {
                throw Checks.fail("Kpi", "targets[" + i + "]", "date " + target.date()
                        + " is not after the date " + targets.get(i - 1).date() + " of targets["
                        + (i - 1) + "] (target dates must strictly increase)");
            }
        }
        Checks.notNull("Kpi", "rollUp", rollUp);
        Checks.optionalSlug("Kpi", "standardCode", standardCode);
        metadata = metadata == null ? KpiMetadata.NONE : metadata;
    }

    /**
     * The last target, the one the trajectory ends at.
     *
     * @return the target with the latest date, never {@code null}
     */
    public DataPoint finalTarget() {
        return targets.get(targets.size() - 1);
    }
}
