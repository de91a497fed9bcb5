package nl.proeftuin.api.screen;

import nl.proeftuin.api.internal.Checks;

/**
 * A map of the pilot's region, drawn from the region's
 * {@link nl.proeftuin.api.model.Region#geometryResource() geometry}.
 *
 * @param title the heading; {@code null} becomes {@code ""}, meaning no heading
 */
public record RegionMap(String title) implements Widget {

    /**
     * Normalises the title.
     *
     * @param title see {@link #title()}
     */
    public RegionMap {
        title = Checks.optionalText(title);
    }
}
