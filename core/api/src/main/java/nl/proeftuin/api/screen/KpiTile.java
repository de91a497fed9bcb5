package nl.proeftuin.api.screen;

import nl.proeftuin.api.internal.Checks;

/**
 * A tile with one KPI's latest value, its target and its status.
 *
 * @param title the heading; {@code null} becomes {@code ""}, meaning the core shows the KPI's
 *     name
 * @param kpiId the {@link nl.proeftuin.api.model.Kpi#id() id} of the KPI shown, a slug; never
 *     {@code null}
 */
public record KpiTile(String title, String kpiId) implements Widget {

    /**
     * Validates the KPI id and normalises the title.
     *
     * @param title see {@link #title()}
     * @param kpiId see {@link #kpiId()}
     * @throws IllegalArgumentException if {@code kpiId} is not a slug
     */
    public KpiTile {
        title = Checks.optionalText(title);
        Checks.slug("KpiTile", "kpiId", kpiId);
    }
}
