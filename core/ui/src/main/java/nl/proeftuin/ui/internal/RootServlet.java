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
 * {@code /}: sends the browser to the national overview at {@code /ui/}. Registered as the default servlet
 * ({@code "/"}, which Felix HTTP needs for the root), so any other path that nothing else serves is a plain 404.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("proeftuin-ui-root")
@HttpWhiteboardServletPattern("/")
public final class RootServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!path.isEmpty() && !path.equals("/")) {
            response.sendError(404);
        } else if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
            response.setHeader("Allow", "GET, HEAD");
            response.sendError(405);
        } else {
            response.sendRedirect("/ui/");
        }
    }
}
