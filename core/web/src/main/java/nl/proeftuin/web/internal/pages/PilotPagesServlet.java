package nl.proeftuin.web.internal.pages;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.proeftuin.api.screen.PageScreen;
import nl.proeftuin.registry.Catalog;
import nl.proeftuin.registry.CatalogSnapshot;
import nl.proeftuin.registry.PilotStatus;
import nl.proeftuin.web.internal.api.ApiException;
import nl.proeftuin.web.internal.api.ApiServlet;
import nl.proeftuin.web.internal.api.CurrentUser;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /pilots/{region}/{screen}/...}: the pages a pilot ships in its bundle ({@link PageScreen}), served from the
 * bundle's own resources below the screen's resource root. Nothing outside that root can be reached. Any user may
 * see them; the security filter sends them with a sandboxing {@code Content-Security-Policy}, so that a pilot's script
 * cannot act as the user. The page's style sheets, scripts, images and fonts ({@link PilotAssets}) need no user,
 * since a sandboxed page's requests for them carry no session.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("proeftuin-pilot-pages")
@HttpWhiteboardServletPattern("/pilots/*")
public final class PilotPagesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html;charset=UTF-8"), Map.entry("css", "text/css;charset=UTF-8"),
            Map.entry("js", "text/javascript;charset=UTF-8"), Map.entry("mjs", "text/javascript;charset=UTF-8"),
            Map.entry("json", "application/json"), Map.entry("geojson", "application/geo+json"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("webp", "image/webp"), Map.entry("csv", "text/csv;charset=UTF-8"),
            Map.entry("txt", "text/plain;charset=UTF-8"), Map.entry("woff2", "font/woff2"));

    private final transient Catalog catalog;
    private final transient BundleContext context;

    /**
     * Creates the servlet.
     *
     * @param catalog the catalogue, to find the screen and the pilot that contributes it
     * @param context to reach the pilot's bundle
     */
    @Activate
    public PilotPagesServlet(@Reference(name = "catalog") Catalog catalog, BundleContext context) {
        this.catalog = catalog;
        this.context = context;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        boolean read = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
        if (CurrentUser.of(request).isEmpty() && !(read && PilotAssets.isAsset(path))) {
            // the security filter sends anonymous visitors to the login page; this holds also when it is not registered
            ApiServlet.problem(request, response, ApiException.unauthorized("The pages of pilots need a user: log in."));
        } else {
            super.service(request, response);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String info = request.getPathInfo() == null ? "" : request.getPathInfo();
        String[] parts = info.replaceFirst("^/", "").split("/", 3);
        if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            response.sendError(404);
            return;
        }
        String regionId = parts[0];
        String screenId = parts[1];
        if (parts.length == 2) {
            // relative links in the page resolve against the folder, so the page lives below a slash
            response.sendRedirect(request.getRequestURI() + "/");
            return;
        }
        CatalogSnapshot snapshot = catalog.snapshot();
        Optional<PageScreen> page = snapshot.screens(regionId).stream().filter(s -> s.id().equals(screenId))
                .filter(PageScreen.class::isInstance).map(PageScreen.class::cast).findFirst();
        Bundle bundle = pilotBundle(snapshot, regionId);
        String path = parts[2].isEmpty() ? page.map(PageScreen::entry).orElse("") : parts[2];
        if (page.isEmpty() || bundle == null || !safe(path)) {
            response.sendError(404);
            return;
        }
        URL resource = bundle.getEntry(page.get().resourceRoot() + "/" + path);
        if (resource == null || path.endsWith("/")) {
            response.sendError(404);
            return;
        }
        String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        response.setContentType(TYPES.getOrDefault(extension, "application/octet-stream"));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-cache");
        try (InputStream in = resource.openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }

    /** No way up and out of the resource root, and no hidden files. */
    static boolean safe(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("\0")) {
            return false;
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..") || segment.equals(".") || segment.startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    private Bundle pilotBundle(CatalogSnapshot snapshot, String regionId) {
        for (PilotStatus pilot : snapshot.pilots()) {
            if (pilot.accepted() && regionId.equals(pilot.declaredRegion())) {
                return context.getBundle(pilot.bundleId());
            }
        }
        return null;
    }

}
