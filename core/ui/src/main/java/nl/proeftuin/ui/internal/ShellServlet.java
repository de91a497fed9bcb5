package nl.proeftuin.ui.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The pages of the dashboard ({@code /ui/}, {@code /ui/regio/zeeland}, ...): every one is the same shell document;
 * the client-side router under {@code /ui/assets/js} shows the page the path names. A path that names a file
 * ({@code /ui/x.js}) is a 404 rather than the shell.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("proeftuin-ui-shell")
@HttpWhiteboardServletPattern("/ui/*")
public final class ShellServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String SHELL = "ui/index.html";

    private final byte[] shell = read(SHELL);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String info = request.getPathInfo();
        if (info == null) {
            response.sendRedirect("/ui/");
            return;
        }
        if (!isPage(info)) {
            response.sendError(404);
            return;
        }
        Headers.document(response, "text/html");
        response.setContentLength(shell.length);
        response.getOutputStream().write(shell);
    }

    /** A page path has no file extension in its last segment and no dot segments. */
    static boolean isPage(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".") && !path.contains("/.") && !path.contains("\\");
    }

    static byte[] read(String resource) {
        URL url = ShellServlet.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("the bundle lacks " + resource);
        }
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
