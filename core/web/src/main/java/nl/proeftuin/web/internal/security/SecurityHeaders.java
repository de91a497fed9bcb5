package nl.proeftuin.web.internal.security;

import jakarta.servlet.http.HttpServletResponse;
import nl.proeftuin.web.internal.pages.PilotAssets;

/**
 * The headers every answer of the platform carries. Servlets may set a stricter {@code Content-Security-Policy} of
 * their own (the dashboard does); the one here is the default for everything else.
 *
 * <p>Thread-safety: stateless.
 */
public final class SecurityHeaders {

    /**
     * Only files from this origin, no inline script or style, no plugins, framed only by this origin. The
     * dashboard's own policy (core/ui) is this one or stricter.
     */
    public static final String DEFAULT_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "frame-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'");

    /**
     * A pilot's own pages ({@code /pilots/...}) are code the platform did not write, shown inside the dashboard. The
     * sandbox (without {@code allow-same-origin}) runs their scripts in an opaque origin: they cannot read the
     * dashboard's DOM or storage, and their requests to the API carry neither the session nor a same-origin
     * {@code Origin}, so they cannot act as the user. Scripts and forms within the page still work; since the page's
     * requests for its own style sheets and scripts carry no session either, those are served without one
     * ({@link nl.proeftuin.web.internal.pages.PilotAssets}).
     */
    public static final String PILOT_PAGE_POLICY = DEFAULT_POLICY + "; sandbox allow-scripts allow-forms";

    private SecurityHeaders() {
    }

    /**
     * Sets the headers for an answer to a path.
     *
     * @param response the response
     * @param path the request's path (decoded), to tell pilot pages from the rest
     */
    public static void apply(HttpServletResponse response, String path) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setHeader("Content-Security-Policy", policyFor(path));
    }

    /**
     * The default policy for a path.
     *
     * @param path the request's path
     * @return the sandboxing policy for pilot pages, the default one otherwise
     */
    public static String policyFor(String path) {
        return path.startsWith(PilotAssets.PREFIX) ? PILOT_PAGE_POLICY : DEFAULT_POLICY;
    }
}
