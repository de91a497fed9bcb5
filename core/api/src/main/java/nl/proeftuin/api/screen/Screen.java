package nl.proeftuin.api.screen;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A screen a pilot contributes; the core lists it in the dashboard's navigation under the pilot's
 * region. Sealed: a screen is either a {@link WidgetScreen} or a {@link PageScreen}.
 */
@ProviderType
public sealed interface Screen permits WidgetScreen, PageScreen {

    /**
     * The screen's identifier, unique within the pilot; the core uses it in the screen's URL.
     *
     * @return a slug, never {@code null}
     */
    String id();

    /**
     * The screen's title, shown in the navigation and as the page heading.
     *
     * @return non-blank text, never {@code null}
     */
    String title();
}
