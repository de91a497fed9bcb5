package nl.proeftuin.web.internal.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import java.util.Optional;
import nl.proeftuin.security.Session;
import nl.proeftuin.security.User;

/**
 * Who sends a request, as the security filter found out: the {@link User}, and the web {@link Session} when the
 * request came with the session cookie (not with HTTP Basic). Servlets read it here and never parse credentials
 * themselves.
 *
 * <p>Thread-safety: stateless; the values live in the request's attributes, which belong to the request's thread.
 */
public final class CurrentUser {

    /** The request attribute that holds the {@link User}. */
    public static final String USER_ATTRIBUTE = "nl.proeftuin.security.user";
    /** The request attribute that holds the {@link Session}, when the session cookie authenticated the request. */
    public static final String SESSION_ATTRIBUTE = "nl.proeftuin.security.session";

    private CurrentUser() {
    }

    /**
     * Puts the user (and the session, if any) on the request. Only the security filter calls this.
     *
     * @param request the request
     * @param user the authenticated user
     * @param session the session the cookie stands for, or {@code null} for HTTP Basic
     */
    public static void set(HttpServletRequest request, User user, Session session) {
        request.setAttribute(USER_ATTRIBUTE, Objects.requireNonNull(user, "user"));
        if (session != null) {
            request.setAttribute(SESSION_ATTRIBUTE, session);
        } else {
            request.removeAttribute(SESSION_ATTRIBUTE);
        }
    }

    /**
     * The user of a request.
     *
     * @param request the request
     * @return the user, or empty for an anonymous request
     */
    public static Optional<User> of(HttpServletRequest request) {
        return request.getAttribute(USER_ATTRIBUTE) instanceof User user ? Optional.of(user) : Optional.empty();
    }

    /**
     * The web session of a request.
     *
     * @param request the request
     * @return the session, or empty when the request used HTTP Basic or is anonymous
     */
    public static Optional<Session> session(HttpServletRequest request) {
        return request.getAttribute(SESSION_ATTRIBUTE) instanceof Session session ? Optional.of(session) : Optional.empty();
    }

    /**
     * The user of a request that needs one. The security filter answers anonymous requests before they get here;
     * this check holds also when the filter is not (yet) registered, e.g. while its configuration changes.
     *
     * @param request the request
     * @return the user
     * @throws ApiException 401 when the request is anonymous
     */
    public static User require(HttpServletRequest request) {
        return of(request).orElseThrow(() -> ApiException.unauthorized(
                "This request needs a user: log in, or send HTTP Basic credentials."));
    }
}
