package nl.proeftuin.web.internal.api;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of the API's servlets: JSON answers, and every failure as {@code application/problem+json}. An unexpected
 * exception becomes a 500 with a reference to the log, never a stack trace in the answer. Every request needs a user
 * ({@link CurrentUser}) unless the servlet declares it {@link #isPublic public}.
 */
public abstract class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS");
    /** The header the dashboard sends on every fetch; with it, a 401 carries no {@code WWW-Authenticate}. */
    public static final String REQUESTED_WITH = "X-Requested-With";
    /** The value of {@link #REQUESTED_WITH} the dashboard sends. */
    public static final String DASHBOARD = "proeftuin-ui";
    /** The challenge of a 401: HTTP Basic, UTF-8. */
    public static final String CHALLENGE = "Basic realm=\"Proeftuin\", charset=\"UTF-8\"";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            String method = request.getMethod();
            if (!METHODS.contains(method)) {
                throw new ApiException(405, "Method not allowed", method + " is not supported here.", List.of());
            }
            String path = subPath(request);
            if (!isPublic(method, path)) {
                CurrentUser.require(request);
            }
            handle(method, path, request, response);
        } catch (ApiException e) {
            problem(request, response, e);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
            problem(request, response, 500, "Internal error",
                    "The platform could not answer this request; the log of the platform has the details.", List.of());
        }
    }

    /**
     * Whether a request may be answered without a user. Only the API description and logging in are.
     *
     * @param method the HTTP method
     * @param path the path below the servlet's pattern, without leading slash
     * @return false unless a subclass says otherwise
     */
    protected boolean isPublic(String method, String path) {
        return false;
    }

    /**
     * Answers one request.
     *
     * @param method the HTTP method
     * @param path the path below the servlet's pattern, without leading slash; empty for the pattern itself
     */
    protected abstract void handle(String method, String path, HttpServletRequest request, HttpServletResponse response)
            throws IOException;

    static String subPath(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null || info.equals("/")) {
            return "";
        }
        return info.startsWith("/") ? info.substring(1) : info;
    }

    protected static void json(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        Json.MAPPER.writeValue(response.getOutputStream(), body);
    }

    protected static void json(HttpServletResponse response, Object body) throws IOException {
        json(response, 200, body);
    }

    protected static ApiException methodNotAllowed(String method, String allowed) {
        return new ApiException(405, "Method not allowed", method + " is not supported here; use " + allowed + ".", List.of());
    }

    /**
     * For servlets that are not ApiServlets: answers 405 as a problem unless the method is GET (or HEAD).
     *
     * @return true when the request was refused and answered
     */
    public static boolean refuseUnlessGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            return false;
        }
        problem(request, response, 405, "Method not allowed", method + " is not supported here; use GET.", List.of());
        return true;
    }

    /**
     * Answers with a problem. When the request has a body that was not read, the connection is closed after the
     * answer: the client then starts its next request on a fresh connection instead of finding this one dead.
     */
    public static void problem(HttpServletRequest request, HttpServletResponse response, int status, String title, String detail,
            List<String> errors) throws IOException {
        problem(request, response, new ApiException(status, title, detail, errors));
    }

    /**
     * Whether the dashboard asked: its fetches carry {@code X-Requested-With}, and its live stream (an EventSource,
     * which cannot send headers) asks for {@code text/event-stream}, which no Basic-authenticating tool needs a
     * challenge for.
     */
    static boolean fromDashboard(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return DASHBOARD.equals(request.getHeader(REQUESTED_WITH)) || (accept != null && accept.contains("text/event-stream"));
    }

    /**
     * Answers with the problem an exception describes, with its extra headers. A 401 carries the Basic challenge
     * ({@code WWW-Authenticate}) unless the dashboard sent it, so that a browser shows no password dialog there.
     */
    public static void problem(HttpServletRequest request, HttpServletResponse response, ApiException problem)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        int status = problem.status();
        response.reset();
        if (request.getContentLengthLong() != 0 && status >= 400) {
            response.setHeader("Connection", "close");
        }
        if (status == 401 && !fromDashboard(request)) {
            response.setHeader("WWW-Authenticate", CHALLENGE);
        }
        problem.headers().forEach(response::setHeader);
        String title = problem.title();
        String detail = problem.getMessage();
        List<String> errors = problem.errors();
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        Json.MAPPER.writeValue(response.getOutputStream(),
                new Problem("about:blank", title, status, detail, request.getRequestURI(), errors));
    }
}
