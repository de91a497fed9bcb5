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

    /** The last overview and its JSON: the dashboard hands out the same overview while it is current, so it is
     *  serialised once instead of once per request (it is large: every region and KPI). */
    private transient volatile Serialised last;

    private record Serialised(Overview overview, byte[] json) {
    }

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
        Overview overview = dashboard.overview();
        Serialised current = last;
        if (current == null || current.overview() != overview) {
            current = new Serialised(overview, Json.MAPPER.writeValueAsBytes(overview));
            last = current;
        }
        response.setStatus(200);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(current.json().length);
        if (method.equals("GET")) {
            response.getOutputStream().write(current.json());
        }
    }
}
