package nl.proeftuin.api.screen;

import java.util.List;
import nl.proeftuin.api.internal.Checks;

/**
 * A table of one or more KPIs: baseline, target, latest value and status per KPI.
 *
 * @param title the heading; non-blank, never {@code null}
 * @param kpiIds the {@link nl.proeftuin.api.model.Kpi#id() ids} of the KPIs listed, each a
 *     slug, in row order; unmodifiable, never {@code null} or empty
 */
public record KpiTable(String title, List<String> kpiIds) implements Widget {

    /**
     * Validates the components and copies the list.
     *
     * @param title see {@link #title()}
     * @param kpiIds see {@link #kpiIds()}
     * @throws IllegalArgumentException if a component is invalid, with a message naming it
     */
    public KpiTable {
        Checks.nonBlank("KpiTable", "title", title);
        kpiIds = Checks.nonEmptyList("KpiTable", "kpiIds", Checks.slugList("KpiTable", "kpiIds",
                kpiIds));
    }
}
