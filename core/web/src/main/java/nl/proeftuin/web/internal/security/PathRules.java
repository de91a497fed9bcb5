package nl.proeftuin.web.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import nl.proeftuin.web.internal.pages.PilotAssets;

/**
 * Which paths need a user, and where an anonymous visitor of a page is sent. Public: {@code /} (a redirect),
 * {@code /api/health}, {@code /api/openapi.json}, the login page {@code /ui/login} and what it needs
 * ({@code /ui/assets/**}, {@code /ui/i18n/**}), and the style sheets, scripts, images and fonts of pilots' own pages
 * ({@link PilotAssets}), which their sandboxed pages request without the session cookie. {@code /api/v1/session} takes
 * anonymous logins and logouts. Everything else needs a user.
 *
 * <p>Thread-safety: stateless.
 */
final class PathRules {

    /** What a path is, for the security filter. */
    enum Kind {
        /** Served to anyone, without looking at credentials. */
        PUBLIC,
        /** {@code /api/v1/session}: log in and out without a user, see who you are with one. */
        SESSION,
        /** The rest of {@code /api/}: an anonymous request is answered 401. */
        API,
        /** A page of the dashboard or a pilot: an anonymous GET is sent to the login page. */
        PAGE
    }

    static final String LOGIN_PAGE = "/ui/login";
    static final String SESSION_PATH = "/api/v1/session";
    /** Where a visitor goes after logging in when the page asked for cannot be named safely. */
    static final String HOME = "/ui/";

    private PathRules() {
    }

    /**
     * The decoded, normalised path of a request within the server, as the container matched it to a servlet
     * (so that {@code /ui/assets/../x} is {@code /ui/x} here, as it is for the servlet that answers).
     *
     * @param request the request
     * @return the path, starting with a slash
     */
    static String path(HttpServletRequest request) {
        String path = request.getContextPath() + request.getServletPath()
                + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.isEmpty() ? "/" : path;
    }

    /**
     * Classifies a path.
     *
     * @param path a path from {@link #path}
     * @return what it is
     */
    static Kind kind(String path) {
        if (path.equals("/") || path.equals("/api/health") || path.equals("/api/openapi.json")
                || path.equals(LOGIN_PAGE) || path.equals(LOGIN_PAGE + "/")
                || path.startsWith("/ui/assets/") || path.startsWith("/ui/i18n/") || PilotAssets.isAsset(path)) {
            return Kind.PUBLIC;
        }
        if (path.equals(SESSION_PATH)) {
            return Kind.SESSION;
        }
        if (path.equals("/api") || path.startsWith("/api/")) {
            return Kind.API;
        }
        return Kind.PAGE;
    }

    /**
     * The login page's address for a visitor who asked for a page.
     *
     * @param request the request for the page
     * @return {@code /ui/login?next=...} with the page's path and query, or without {@code next} when that is not
     *     a {@link #isLocalPath local path}
     */
    static String loginLocation(HttpServletRequest request) {
        String next = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (!isLocalPath(next) || next.equals(HOME)) {
            return LOGIN_PAGE;
        }
        return LOGIN_PAGE + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    /**
     * Whether a page address can only lead to this platform: a path that starts with one slash (not {@code //},
     * which a browser reads as another host), without backslashes (which browsers read as slashes) and without
     * control characters. The login page must check {@code next} the same way before it follows it.
     *
     * @param next a path and query
     * @return true when it is safe to send a browser there
     */
    static boolean isLocalPath(String next) {
        if (next == null || next.isEmpty() || next.charAt(0) != '/' || next.startsWith("//") || next.indexOf('\\') >= 0) {
            return false;
        }
        for (int i = 0; i < next.length(); i++) {
            if (Character.isISOControl(next.charAt(i)) || Character.isWhitespace(next.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
