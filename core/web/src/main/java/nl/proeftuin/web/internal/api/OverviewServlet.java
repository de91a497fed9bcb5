package nl.proeftuin.web.internal.api;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;
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

    private static final class Serialised {
        final Overview overview;
        final byte[] json;
        /** The JSON compressed, made when a client first asks for it: a tenth of the size for a browser. */
        private volatile byte[] gzipped;

        Serialised(Overview overview, byte[] json) {
            this.overview = overview;
            this.json = json;
        }

        byte[] gzipped() {
            byte[] result = gzipped;
            if (result == null) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(json.length / 8);
                try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 64 * 1024)) {
                    gzip.write(json);
                } catch (IOException e) {
                    throw new UncheckedIOException(e); // in memory: does not happen
                }
                result = bytes.toByteArray();
                gzipped = result;
            }
            return result;
        }
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
        if (current == null || current.overview != overview) {
            current = new Serialised(overview, Json.MAPPER.writeValueAsBytes(overview));
            last = current;
        }
        byte[] body = acceptsGzip(request) ? current.gzipped() : current.json;
        response.setStatus(200);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Vary", "Accept-Encoding");
        if (body != current.json) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.length);
        if (method.equals("GET")) {
            response.getOutputStream().write(body);
        }
    }

    /** Whether the client takes gzip; {@code gzip;q=0} means it does not. */
    static boolean acceptsGzip(HttpServletRequest request) {
        for (var values = request.getHeaders("Accept-Encoding"); values != null && values.hasMoreElements();) {
            for (String coding : values.nextElement().split(",")) {
                String[] parts = coding.trim().split(";");
                if (parts[0].trim().equalsIgnoreCase("gzip")) {
                    return !(parts.length > 1 && parts[1].trim().replace(" ", "").matches("q=0(\\.0*)?"));
                }
            }
        }
        return false;
    }
}
