package nl.proeftuin.web.internal.api;

import java.util.List;
import nl.proeftuin.api.model.DataPoint;
import nl.proeftuin.api.model.Direction;
import nl.proeftuin.api.model.Kpi;
import nl.proeftuin.api.model.KpiMetadata;
import nl.proeftuin.api.model.Opgave;
import nl.proeftuin.api.model.RollUp;
import nl.proeftuin.progress.KpiProgress;

/**
 * A KPI as the API shows it: its definition, where it belongs (region, theme), and where it stands.
 *
 * @param id the KPI id
 * @param name its name
 * @param unit its unit
 * @param direction whether higher or lower is better
 * @param regionId the region of its opgave
 * @param opgaveId its opgave
 * @param theme the theme of its opgave
 * @param standardCode the shared standard indicator code, or null
 * @param rollUp how it combines nationally
 * @param baseline the starting point
 * @param targets the targets, by date
 * @param metadata definition, source, method
 * @param exampleData true when the pilot marks its data as illustrative
 * @param progress status, pace and projection, computed by the core
 */
public record KpiView(String id, String name, String unit, Direction direction, String regionId, String opgaveId,
        String theme, String standardCode, RollUp rollUp, DataPoint baseline, List<DataPoint> targets,
        KpiMetadata metadata, boolean exampleData, KpiProgress progress) {

    static KpiView of(Kpi kpi, Opgave opgave, boolean exampleData, KpiProgress progress) {
        return new KpiView(kpi.id(), kpi.name(), kpi.unit(), kpi.direction(), opgave.regionId(), opgave.id(),
                opgave.theme().id(), kpi.standardCode(), kpi.rollUp(), kpi.baseline(), kpi.targets(), kpi.metadata(),
                exampleData, progress);
    }
}
