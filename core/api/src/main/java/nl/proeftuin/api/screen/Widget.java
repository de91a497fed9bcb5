package nl.proeftuin.api.screen;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A building block of a {@link WidgetScreen}, rendered by the core. Sealed: the core knows how to
 * render each kind.
 */
@ProviderType
public sealed interface Widget permits KpiTile, KpiChart, KpiTable, TextBlock, RegionMap {

    /**
     * The heading shown above the widget. Each kind documents whether it may be empty and what
     * the core shows then.
     *
     * @return the title, possibly empty, never {@code null}
     */
    String title();
}
