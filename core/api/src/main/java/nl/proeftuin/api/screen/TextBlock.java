package nl.proeftuin.api.screen;

import nl.proeftuin.api.internal.Checks;

/**
 * A block of explanatory text.
 *
 * @param title the heading; {@code null} becomes {@code ""}, meaning no heading
 * @param text plain text, not HTML: the core escapes it and starts a new paragraph at every blank
 *     line; non-blank, never {@code null}
 */
public record TextBlock(String title, String text) implements Widget {

    /**
     * Validates the text and normalises the title.
     *
     * @param title see {@link #title()}
     * @param text see {@link #text()}
     * @throws IllegalArgumentException if {@code text} is {@code null} or blank
     */
    public TextBlock {
        title = Checks.optionalText(title);
        Checks.nonBlank("TextBlock", "text", text);
    }
}
