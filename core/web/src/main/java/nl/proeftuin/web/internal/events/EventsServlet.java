package nl.proeftuin.web.internal.events;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import nl.proeftuin.web.internal.api.ApiException;
import nl.proeftuin.web.internal.api.ApiServlet;
import nl.proeftuin.web.internal.api.CurrentUser;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /api/v1/events}: server-sent events. Event names: {@code bundle} (installed, updated, removed,
 * failed), {@code contribution} (added, changed, removed) and {@code data} (recorded); each {@code data:} line is
 * a JSON object with {@code kind} and the details. Any user may follow them.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("proeftuin-api-events")
@HttpWhiteboardServletPattern("/api/v1/events")
@HttpWhiteboardServletAsyncSupported
public final class EventsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient EventStream stream;

    /**
     * Creates the servlet.
     *
     * @param stream the relay that writes events to the clients
     */
    @Activate
    public EventsServlet(@Reference(name = "stream") EventStream stream) {
        this.stream = stream;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (CurrentUser.of(request).isEmpty()) {
            // the security filter answers anonymous requests; this holds also when it is not registered
            ApiServlet.problem(request, response, ApiException.unauthorized("The live events need a user: log in."));
        } else if (!ApiServlet.refuseUnlessGet(request, response)) {
            super.service(request, response);
        }
    }

    /** HEAD tells a client the stream exists without holding a connection open. */
    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(200);
        response.setContentType("text/event-stream");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                stream.remove(async);
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                stream.remove(async);
            }

            @Override
            public void onError(AsyncEvent event) {
                stream.remove(async);
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // not restarted
            }
        });
        // a first frame tells the client the stream is open, and how long to wait before reconnecting
        response.getOutputStream().write("retry: 2000\n: connected\n\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        response.flushBuffer();
        stream.add(async);
    }
}
