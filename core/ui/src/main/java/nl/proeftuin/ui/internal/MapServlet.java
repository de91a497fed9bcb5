package nl.proeftuin.ui.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /ui/assets/map/nl-provincies-2015.json}: the provinces (CBS/PDOK, CC BY 4.0) for the dashboard's map, with
 * a JSON content type (the whiteboard's resource servlet sends none for .json).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("proeftuin-ui-map")
@HttpWhiteboardServletPattern("/ui/assets/map/*")
public final class MapServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String PROVINCES = "nl-provincies-2015.json";

    private final byte[] provinces = ShellServlet.read("ui/assets/map/" + PROVINCES);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!("/" + PROVINCES).equals(request.getPathInfo())) {
            response.sendError(404);
            return;
        }
        response.setContentType("application/geo+json");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "max-age=86400");
        response.setContentLength(provinces.length);
        response.getOutputStream().write(provinces);
    }
}
