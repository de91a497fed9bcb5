package nl.proeftuin.web.internal.api;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** {@code GET /api/v1/overview}: everything the combined dashboard needs, in one call. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("proeftuin-api-overview")
@HttpWhiteboardServletPattern("/api/v1/overview")
public final class OverviewServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    private final transient Dashboard dashboard;

    /**
     * Creates the servlet.
     *
     * @param dashboard the progress model
     */
    @Activate
    public OverviewServlet(@Reference(name = "dashboard") Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @Override
    protected void handle(String method, String path, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw methodNotAllowed(method, "GET");
        }
        json(response, dashboard.overview());
    }
}
