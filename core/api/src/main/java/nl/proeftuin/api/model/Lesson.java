package nl.proeftuin.api.model;

import java.time.LocalDate;
import nl.proeftuin.api.internal.Checks;

/**
 * A lesson (<em>leerpunt</em>): something a region learned, readable by every region.
 *
 * @param id stable identifier, a slug unique across all regions; never {@code null}
 * @param regionId the {@link Region#id() id} of the region that learned it, a slug; never
 *     {@code null}
 * @param opgaveId the {@link Opgave#id() id} of the opgave it is about, a slug; {@code null}
 *     when it is about no single opgave
 * @param theme the theme it is about, so that other regions find it; never {@code null}
 * @param title short display title; non-blank, never {@code null}
 * @param text the lesson itself, plain text, not HTML (blank lines separate paragraphs);
 *     non-blank, never {@code null}
 * @param author who wrote it; {@code null} becomes {@code ""} meaning not stated
 * @param date when it was written or learned; never {@code null}
 */
public record Lesson(String id, String regionId, String opgaveId, Theme theme, String title,
        String text, String author, LocalDate date) {

    /**
     * Validates the components and normalises the author.
     *
     * @param id see {@link #id()}
     * @param regionId see {@link #regionId()}
     * @param opgaveId see {@link #opgaveId()}
     * @param theme see {@link #theme()}
     * @param title see {@link #title()}
     * @param text see {@link #text()}
     * @param author see {@link #author()}
     * @param date see {@link #date()}
     * @throws IllegalArgumentException if a component is invalid, with a message naming it
     */
    public Lesson {
        Checks.slug("Lesson", "id", id);
        Checks.slug("Lesson", "regionId", regionId);
        Checks.optionalSlug("Lesson", "opgaveId", opgaveId);
        Checks.notNull("Lesson", "theme", theme);
        Checks.nonBlank("Lesson", "title", title);
        Checks.nonBlank("Lesson", "text", text);
        author = Checks.optionalText(author);
        Checks.notNull("Lesson", "date", date);
    }
}
