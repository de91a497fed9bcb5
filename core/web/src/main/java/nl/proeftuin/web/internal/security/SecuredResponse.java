package nl.proeftuin.web.internal.security;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A response that keeps the {@link SecurityHeaders}, and headers the security filter must send whatever the servlet
 * does (clearing a dead session cookie): a servlet that resets its response (as every problem answer does) or
 * sends an error page gets them back at once, so that no answer leaves without them.
 *
 * <p>Thread-safety: as the response it wraps; used by the request's thread (and its async continuation).
 */
final class SecuredResponse extends HttpServletResponseWrapper {

    private final String path;
    private final List<Map.Entry<String, String>> kept = new ArrayList<>();

    SecuredResponse(HttpServletResponse response, String path) {
        super(response);
        this.path = path;
        SecurityHeaders.apply(response, path);
    }

    /**
     * Adds a header that survives {@link #reset()}.
     *
     * @param name the header's name
     * @param value its value
     */
    void keep(String name, String value) {
        kept.add(Map.entry(name, value));
        addHeader(name, value);
    }

    @Override
    public void reset() {
        super.reset();
        restore();
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        restore();
        super.sendError(status, message);
    }

    @Override
    public void sendError(int status) throws IOException {
        restore();
        super.sendError(status);
    }

    private void restore() {
        HttpServletResponse response = (HttpServletResponse) getResponse();
        SecurityHeaders.apply(response, path);
        for (Map.Entry<String, String> header : kept) {
            if (!response.getHeaders(header.getKey()).contains(header.getValue())) {
                response.addHeader(header.getKey(), header.getValue());
            }
        }
    }
}
