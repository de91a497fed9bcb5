package nl.proeftuin.api.model;

import java.util.List;
import nl.proeftuin.api.internal.Checks;

/**
 * A societal challenge (<em>opgave</em>) a region works on, such as insulating its housing stock.
 * {@link Kpi KPIs} measure progress on it.
 *
 * @param id stable identifier, a slug unique across all regions (prefixing it with the region id
 *     is a good habit, e.g. {@code "zeeland-isolatie"}); never {@code null}
 * @param regionId the {@link Region#id() id} of the region this opgave belongs to, a slug; the
 *     core checks that it is the pilot's own region; never {@code null}
 * @param title short display title; non-blank, never {@code null}
 * @param theme the theme it falls under; never {@code null}
 * @param description plain-text description; {@code null} becomes {@code ""}
 * @param trekker the organisation or person leading the opgave (the <em>trekker</em>);
 *     {@code null} becomes {@code ""} meaning not stated
 * @param partners the partner organisations, each non-blank; may be empty; unmodifiable, never
 *     {@code null}
 */
public record Opgave(String id, String regionId, String title, Theme theme, String description,
        String trekker, List<String> partners) {

    /**
     * Validates the components, normalises optional text and copies the list.
     *
     * @param id see {@link #id()}
     * @param regionId see {@link #regionId()}
     * @param title see {@link #title()}
     * @param theme see {@link #theme()}
     * @param description see {@link #description()}
     * @param trekker see {@link #trekker()}
     * @param partners see {@link #partners()}
     * @throws IllegalArgumentException if a component is invalid, with a message naming it
     */
    public Opgave {
        Checks.slug("Opgave", "id", id);
        Checks.slug("Opgave", "regionId", regionId);
        Checks.nonBlank("Opgave", "title", title);
        Checks.notNull("Opgave", "theme", theme);
        description = Checks.optionalText(description);
        trekker = Checks.optionalText(trekker);
        partners = Checks.nonBlankList("Opgave", "partners", partners);
    }
}
