package nl.proeftuin.web.internal.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.proeftuin.security.Authenticator;
import nl.proeftuin.security.LoginResult;
import nl.proeftuin.security.Session;
import nl.proeftuin.security.Sessions;
import nl.proeftuin.security.User;
import nl.proeftuin.store.StoreException;
import nl.proeftuin.web.internal.api.ApiException;
import nl.proeftuin.web.internal.api.ApiServlet;
import nl.proeftuin.web.internal.api.CurrentUser;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards every path of every servlet context, before any other filter: sets the {@link SecurityHeaders}, finds out
 * who sends the request (HTTP Basic, or the session cookie), and refuses what the security contract refuses:
 * <ul>
 * <li>a write (POST, PUT, PATCH, DELETE) whose {@code Origin} is another site: 403, whatever its credentials;</li>
 * <li>wrong Basic credentials: 401; too many failed ones: 429 with {@code Retry-After};</li>
 * <li>a write authenticated by the cookie without the session's {@code X-CSRF-Token}: 403;</li>
 * <li>an anonymous request for anything but the {@link PathRules public paths}: 401 for the API (with the Basic
 * challenge unless the dashboard sent it), 303 to the login page for a page.</li>
 * </ul>
 * A cookie that names no live session counts as no cookie, and is cleared. What a known user may do is decided by
 * the servlets, which read the user with {@link CurrentUser}.
 *
 * <p>Thread-safety: stateless apart from its services; called concurrently by the container's threads.
 */
// the highest ranking: this filter runs before every other filter on the whiteboard
@Component(service = Filter.class, property = "service.ranking:Integer=" + Integer.MAX_VALUE)
@HttpWhiteboardFilterName("proeftuin-security")
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardFilterAsyncSupported
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=*)")
public final class SecurityFilter implements Filter {

    /** The header a page sends the session's CSRF token in. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private static final Logger LOG = LoggerFactory.getLogger(SecurityFilter.class);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Authenticator authenticator;
    private final Sessions sessions;
    private final SecurityPolicy policy;

    /**
     * Creates the filter.
     *
     * @param authenticator checks Basic credentials
     * @param sessions knows the sessions cookies stand for
     * @param policy cookie and origin settings
     */
    @Activate
    public SecurityFilter(@Reference(name = "authenticator") Authenticator authenticator,
            @Reference(name = "sessions") Sessions sessions, @Reference(name = "policy") SecurityPolicy policy) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.policy = policy;
    }

    /** The user a request authenticated as, and its session when the cookie did it; both null when anonymous. */
    private record Identity(User user, Session session) {
        static final Identity ANONYMOUS = new Identity(null, null);
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        String path = PathRules.path(request);
        SecuredResponse response = new SecuredResponse((HttpServletResponse) servletResponse, path);
        PathRules.Kind kind = PathRules.kind(path);
        String method = request.getMethod();
        boolean write = !READS.contains(method);
        // only the request's own attributes may say who it is, never a value set before this filter
        request.removeAttribute(CurrentUser.USER_ATTRIBUTE);
        request.removeAttribute(CurrentUser.SESSION_ATTRIBUTE);
        Identity identity;
        try {
            if (write && !policy.sameOrigin(request)) {
                throw ApiException.forbidden("This " + method + " comes from another site (Origin: "
                        + printable(request.getHeader("Origin")) + "); changes are accepted only from the pages of "
                        + "this platform.");
            }
            if (kind == PathRules.Kind.PUBLIC) {
                chain.doFilter(request, response);
                return;
            }
            identity = authenticate(request, response);
            boolean login = kind == PathRules.Kind.SESSION && method.equals("POST");
            if (identity.session() != null && write && !login) {
                requireCsrfToken(request, identity.session());
            }
            if (identity.user() == null && !(kind == PathRules.Kind.SESSION && write)) {
                refuseAnonymous(request, response, kind, method);
                return;
            }
        } catch (ApiException e) {
            ApiServlet.problem(request, response, e);
            return;
        } catch (StoreException e) {
            LOG.error("Cannot check the credentials of {} {}", method, request.getRequestURI(), e);
            ApiServlet.problem(request, response, new ApiException(503, "Service unavailable",
                    "The platform cannot reach its user database to check who you are; try again in a moment.",
                    List.of()).withHeader("Retry-After", "5"));
            return;
        }
        if (identity.user() != null) {
            CurrentUser.set(request, identity.user(), identity.session());
        }
        chain.doFilter(request, response);
    }

    private Identity authenticate(HttpServletRequest request, SecuredResponse response) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            BasicCredentials credentials = BasicCredentials.parse(authorization);
            LoginResult result = authenticator.authenticate(credentials.username(), credentials.password(),
                    request.getRemoteAddr());
            if (result instanceof LoginResult.Success success) {
                return new Identity(success.user(), null);
            }
            if (result instanceof LoginResult.Throttled throttled) {
                throw throttled(throttled.retryAfter());
            }
            throw ApiException.unauthorized("The username or password is wrong.");
        }
        SecurityPolicy.Cookies cookies = SecurityPolicy.sessionCookies(request);
        for (String token : cookies.tokens()) {
            Optional<Session> session = sessions.find(token);
            if (session.isPresent()) {
                return new Identity(session.get().user(), session.get());
            }
        }
        if (cookies.present()) {
            // an ended, expired or made-up session: the browser should stop sending it
            response.keep("Set-Cookie", policy.clearingCookie(request));
        }
        return Identity.ANONYMOUS;
    }

    /**
     * 429 for too many failed logins.
     *
     * @param retryAfter how long to wait
     * @return the problem, with {@code Retry-After} in whole seconds (at least 1)
     */
    public static ApiException throttled(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new ApiException(429, "Too many requests", "Too many failed logins for this user or from this "
                + "address; try again in " + seconds + " seconds.", List.of())
                .withHeader("Retry-After", String.valueOf(seconds));
    }

    private static void requireCsrfToken(HttpServletRequest request, Session session) {
        String sent = request.getHeader(CSRF_HEADER);
        if (sent == null || sent.isBlank()) {
            throw ApiException.forbidden("This " + request.getMethod() + " comes with the session cookie but without "
                    + "the header " + CSRF_HEADER + "; send the csrfToken that POST or GET /api/v1/session answered.");
        }
        if (!MessageDigest.isEqual(sent.strip().getBytes(StandardCharsets.UTF_8),
                session.csrfToken().getBytes(StandardCharsets.UTF_8))) {
            throw ApiException.forbidden("The header " + CSRF_HEADER + " does not match this session's token; "
                    + "send the csrfToken that POST or GET /api/v1/session answered.");
        }
    }

    private static void refuseAnonymous(HttpServletRequest request, SecuredResponse response, PathRules.Kind kind,
            String method) throws IOException {
        if (kind == PathRules.Kind.PAGE && (method.equals("GET") || method.equals("HEAD"))) {
            response.setStatus(303);
            response.setHeader("Location", PathRules.loginLocation(request));
            response.setHeader("Cache-Control", "no-store");
            return;
        }
        ApiServlet.problem(request, response, ApiException.unauthorized(
                "This request needs a user: log in, or send HTTP Basic credentials."));
    }

    /** A header value named in a message: printable ASCII, cut to a readable length. */
    private static String printable(String value) {
        if (value == null) {
            return "none";
        }
        String printable = value.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 100 ? printable.substring(0, 100) + "..." : printable;
    }
}
