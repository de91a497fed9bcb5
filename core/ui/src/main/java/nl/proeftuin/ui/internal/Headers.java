package nl.proeftuin.ui.internal;

import jakarta.servlet.http.HttpServletResponse;

/** The response headers of the dashboard's own documents (the page shell and the texts). */
final class Headers {

    /**
     * Only files from this origin, and no inline script or style anywhere: every script and style sheet of the
     * dashboard is a file. Pilot pages are framed from the same origin ({@code /pilots/...}).
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "frame-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'self'");

    private Headers() {
    }

    static void document(HttpServletResponse response, String contentType) {
        response.setContentType(contentType);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }
}
