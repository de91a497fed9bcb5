package nl.proeftuin.api.model;

import java.util.List;
import nl.proeftuin.api.internal.Checks;

/**
 * The area a pilot works in. Every pilot contributes to exactly one region, declared in its
 * manifest (see {@link nl.proeftuin.api.pilot.Pilot#REGION_HEADER}).
 *
 * @param id stable identifier, a slug such as {@code "zeeland"}; never {@code null}
 * @param name display name, e.g. {@code "Zeeland"}; non-blank, never {@code null}
 * @param kind the administrative kind; never {@code null}
 * @param cbsCodes the CBS area codes the region covers, each {@code PV}, {@code GM}, {@code WK}
 *     or {@code BU} followed by 2 to 8 digits (e.g. {@code "PV29"} for Zeeland,
 *     {@code "GM0014"} for Groningen); may be empty when no code exists; unmodifiable, never
 *     {@code null}
 * @param geometryResource the absolute path of a GeoJSON resource inside the pilot bundle with
 *     the region's outline, ending in {@code ".geojson"} or {@code ".json"}, e.g.
 *     {@code "/geo/zeeland.geojson"}; {@code null} when the pilot ships no geometry (the core
 *     may then fall back on its own map by CBS code)
 */
public record Region(String id, String name, RegionKind kind, List<String> cbsCodes,
        String geometryResource) {

    /**
     * Validates the components and copies the list.
     *
     * @param id see {@link #id()}
     * @param name see {@link #name()}
     * @param kind see {@link #kind()}
     * @param cbsCodes see {@link #cbsCodes()}
     * @param geometryResource see {@link #geometryResource()}
     * @throws IllegalArgumentException if a component is invalid, with a message naming it
     */
    public Region {
        Checks.slug("Region", "id", id);
        Checks.nonBlank("Region", "name", name);
        Checks.notNull("Region", "kind", kind);
        cbsCodes = Checks.list("Region", "cbsCodes", cbsCodes);
        for (int i = 0; i < cbsCodes.size(); i++) {
            Checks.cbsCode("Region", "cbsCodes[" + i + "]", cbsCodes.get(i));
        }
        if (geometryResource != null) {
            Checks.absolutePath("Region", "geometryResource", geometryResource);
            if (!geometryResource.endsWith(".geojson") && !geometryResource.endsWith(".json")) {
                throw Checks.fail("Region", "geometryResource", Checks.show(geometryResource)
                        + " is not a GeoJSON resource (expected a name ending in \".geojson\""
                        + " or \".json\")");
            }
        }
    }

    /**
     * Creates a region without geometry.
     *
     * @param id stable identifier, a slug
     * @param name display name, non-blank
     * @param kind the administrative kind
     * @param cbsCodes the CBS area codes, possibly empty
     * @throws IllegalArgumentException if a component is invalid
     */
    public Region(String id, String name, RegionKind kind, List<String> cbsCodes) {
        this(id, name, kind, cbsCodes, null);
    }
}
