package nl.proeftuin.api.screen;

import nl.proeftuin.api.internal.Checks;

/**
 * A page of the pilot's own, for what widgets cannot show. The core serves the pilot bundle's
 * resources under {@code resourceRoot} and shows {@code entry} inside the dashboard's
 * navigation, at a URL of the core's choosing: the page must therefore use relative links only
 * (to its own files under {@code resourceRoot}).
 *
 * @param id the screen's identifier, a slug unique within the pilot; never {@code null}
 * @param title the screen's title; non-blank, never {@code null}
 * @param resourceRoot the folder inside the pilot bundle whose resources are served, an absolute
 *     path without trailing slash and without {@code "."} or {@code ".."} segments, e.g.
 *     {@code "/web"}; never {@code null}
 * @param entry the start page, relative to {@code resourceRoot}, without leading slash and
 *     without {@code "."} or {@code ".."} segments, e.g. {@code "index.html"}; never
 *     {@code null}
 */
public record PageScreen(String id, String title, String resourceRoot, String entry)
        implements Screen {

    /**
     * Validates the components.
     *
     * @param id see {@link #id()}
     * @param title see {@link #title()}
     * @param resourceRoot see {@link #resourceRoot()}
     * @param entry see {@link #entry()}
     * @throws IllegalArgumentException if a component is invalid, with a message naming it
     */
    public PageScreen {
        Checks.slug("PageScreen", "id", id);
        Checks.nonBlank("PageScreen", "title", title);
        Checks.absolutePath("PageScreen", "resourceRoot", resourceRoot);
        Checks.relativePath("PageScreen", "entry", entry);
    }
}
