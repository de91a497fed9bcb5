package nl.proeftuin.web.internal.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import nl.proeftuin.security.Authenticator;
import nl.proeftuin.security.LoginResult;
import nl.proeftuin.security.Session;
import nl.proeftuin.security.Sessions;
import nl.proeftuin.security.User;
import nl.proeftuin.web.internal.api.ApiException;
import nl.proeftuin.web.internal.api.ApiServlet;
import nl.proeftuin.web.internal.api.CurrentUser;
import nl.proeftuin.web.internal.api.Json;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /api/v1/session}: {@code POST} logs in with {@code {"username","password"}} and sets the session cookie,
 * {@code GET} says who you are, {@code DELETE} logs out. The answer to POST and GET carries the session's CSRF token,
 * which the dashboard sends back in {@code X-CSRF-Token} with every write.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("proeftuin-api-session")
@HttpWhiteboardServletPattern(PathRules.SESSION_PATH)
public final class SessionServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    private final transient Authenticator authenticator;
    private final transient Sessions sessions;
    private final transient SecurityPolicy policy;

    /**
     * What a login sends.
     *
     * @param username the username
     * @param password the password
     */
    public record Login(String username, String password) {
        /** Leaves the password out. */
        @Override
        public String toString() {
            return "Login[username=" + username + "]";
        }
    }

    /**
     * Who is logged in.
     *
     * @param user the user
     * @param csrfToken the token to send in {@code X-CSRF-Token} with every write; null when the request used HTTP
     *     Basic, which needs none
     * @param expires when the session ends unless used before; null for HTTP Basic
     */
    public record SessionView(UserView user, String csrfToken, Instant expires) {
    }

    /**
     * Creates the servlet.
     *
     * @param authenticator checks the password of a login
     * @param sessions opens and ends sessions
     * @param policy how the cookie is set
     */
    @Activate
    public SessionServlet(@Reference(name = "authenticator") Authenticator authenticator,
            @Reference(name = "sessions") Sessions sessions, @Reference(name = "policy") SecurityPolicy policy) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.policy = policy;
    }

    @Override
    protected boolean isPublic(String method, String path) {
        return method.equals("POST") || method.equals("DELETE");
    }

    @Override
    protected void handle(String method, String path, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!path.isEmpty()) {
            throw ApiException.notFound("No session endpoint " + request.getRequestURI() + "; use /api/v1/session.");
        }
        response.setHeader("Cache-Control", "no-store");
        switch (method) {
            case "GET", "HEAD" -> {
                User user = CurrentUser.require(request);
                Optional<Session> session = CurrentUser.session(request);
                json(response, new SessionView(UserView.of(user), session.map(Session::csrfToken).orElse(null),
                        session.map(Session::expires).orElse(null)));
            }
            case "POST" -> login(request, response);
            case "DELETE" -> logout(request, response);
            default -> throw methodNotAllowed(method, "GET, POST or DELETE");
        }
    }

    private void login(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Login login;
        try {
            login = Json.MAPPER.readValue(request.getInputStream(), Login.class);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("The JSON cannot be read: " + e.getOriginalMessage()
                    + ". Send {\"username\": \"...\", \"password\": \"...\"}.");
        }
        if (login == null || login.username() == null || login.username().isBlank() || login.password() == null) {
            throw ApiException.badRequest("A login needs a username and a password: send "
                    + "{\"username\": \"...\", \"password\": \"...\"}.");
        }
        String address = request.getRemoteAddr();
        LoginResult result = authenticator.authenticate(login.username().strip(), login.password(), address);
        if (result instanceof LoginResult.Throttled throttled) {
            throw SecurityFilter.throttled(throttled.retryAfter());
        }
        if (!(result instanceof LoginResult.Success success)) {
            // the same words whether the user exists or not
            throw ApiException.unauthorized("The username or password is wrong.");
        }
        Session session = sessions.open(success.user(), address);
        policy.setCookie(request, response, session.token());
        json(response, new SessionView(UserView.of(session.user()), session.csrfToken(), session.expires()));
    }

    private void logout(HttpServletRequest request, HttpServletResponse response) {
        CurrentUser.session(request).ifPresent(session -> sessions.close(session.token(), request.getRemoteAddr()));
        if (response.getHeaders("Set-Cookie").stream().noneMatch(c -> c.startsWith(SecurityPolicy.COOKIE + "="))) {
            policy.clearCookie(request, response);
        }
        response.setStatus(204);
    }
}
