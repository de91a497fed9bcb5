package nl.proeftuin.ui.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * The dashboard's static files ({@code /ui/assets/...}: ES modules, CSS, the map, Apache ECharts), served by the
 * whiteboard straight from this bundle's {@code ui/assets} folder.
 */
@Component(service = UiResources.class)
@HttpWhiteboardResource(pattern = "/ui/assets/*", prefix = "/ui/assets")
public final class UiResources {
}
