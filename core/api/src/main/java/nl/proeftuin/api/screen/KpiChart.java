package nl.proeftuin.api.screen;

import java.util.List;
import nl.proeftuin.api.internal.Checks;

/**
 * A chart of one or more KPIs over time, with their trajectories to target. The core shows a data
 * table beside it for accessibility.
 *
 * @param title the heading; non-blank, never {@code null}
 * @param kpiIds the {@link nl.proeftuin.api.model.Kpi#id() ids} of the KPIs charted, each a
 *     slug; unmodifiable, never {@code null} or empty
 */
public record KpiChart(String title, List<String> kpiIds) implements Widget {

    /**
     * Validates the components and copies the list.
     *
     * @param title see {@link #title()}
     * @param kpiIds see {@link #kpiIds()}
     * @throws IllegalArgumentException if a component is invalid, with a message naming it
     */
    public KpiChart {
        Checks.nonBlank("KpiChart", "title", title);
        kpiIds = Checks.nonEmptyList("KpiChart", "kpiIds", Checks.slugList("KpiChart", "kpiIds",
                kpiIds));
    }
}
