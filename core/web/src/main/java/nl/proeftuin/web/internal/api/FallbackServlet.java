package nl.proeftuin.web.internal.api;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** Any other path under {@code /api/}: a 404 problem that points to the API description. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("proeftuin-api-fallback")
@HttpWhiteboardServletPattern("/api/*")
public final class FallbackServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void handle(String method, String path, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        throw ApiException.notFound("There is no endpoint " + method + " " + request.getRequestURI()
                + "; the API is described at /api/openapi.json.");
    }
}
