package nl.proeftuin.api.screen;

import java.util.List;
import nl.proeftuin.api.internal.Checks;

/**
 * A screen made of widgets that the core renders, in the given order.
 *
 * @param id the screen's identifier, a slug unique within the pilot; never {@code null}
 * @param title the screen's title; non-blank, never {@code null}
 * @param widgets the widgets, top to bottom; unmodifiable, never {@code null} or empty
 */
public record WidgetScreen(String id, String title, List<Widget> widgets) implements Screen {

    /**
     * Validates the components and copies the list.
     *
     * @param id see {@link #id()}
     * @param title see {@link #title()}
     * @param widgets see {@link #widgets()}
     * @throws IllegalArgumentException if a component is invalid, with a message naming it
     */
    public WidgetScreen {
        Checks.slug("WidgetScreen", "id", id);
        Checks.nonBlank("WidgetScreen", "title", title);
        widgets = Checks.nonEmptyList("WidgetScreen", "widgets", widgets);
    }
}
