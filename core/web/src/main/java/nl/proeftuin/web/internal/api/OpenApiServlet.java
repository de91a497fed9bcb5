package nl.proeftuin.web.internal.api;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** {@code GET /api/openapi.json}: the OpenAPI 3 description of the API, kept beside the code in this bundle. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("proeftuin-api-openapi")
@HttpWhiteboardServletPattern("/api/openapi.json")
public final class OpenApiServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;
    static final String RESOURCE = "/openapi.json";

    /** The description is public: a client reads it to learn how to log in. */
    @Override
    protected boolean isPublic(String method, String path) {
        return true;
    }

    @Override
    protected void handle(String method, String path, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw methodNotAllowed(method, "GET");
        }
        try (InputStream in = OpenApiServlet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the web bundle");
            }
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            in.transferTo(response.getOutputStream());
        }
    }
}
