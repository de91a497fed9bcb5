package nl.proeftuin.web.internal.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import nl.proeftuin.security.Authenticator;
import nl.proeftuin.security.LoginResult;
import nl.proeftuin.security.Role;
import nl.proeftuin.security.Session;
import nl.proeftuin.security.Sessions;
import nl.proeftuin.security.User;
import nl.proeftuin.security.UserDirectory;
import nl.proeftuin.security.UserException;
import nl.proeftuin.web.internal.api.Access;
import nl.proeftuin.web.internal.api.ApiException;
import nl.proeftuin.web.internal.api.ApiServlet;
import nl.proeftuin.web.internal.api.CurrentUser;
import nl.proeftuin.web.internal.api.Json;
import nl.proeftuin.web.internal.security.SecurityFilter;
import nl.proeftuin.web.internal.security.SecurityPolicy;
import nl.proeftuin.web.internal.security.UserView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * User management, for admins: {@code GET|POST /api/v1/users}, {@code GET|PUT|DELETE /api/v1/users/{username}};
 * and {@code PUT /api/v1/users/{username}/password}, which an admin may do for anyone and any user for themselves
 * (with the current password). Every change is written to the audit log by the {@link UserDirectory}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("proeftuin-api-users")
@HttpWhiteboardServletPattern({"/api/v1/users", "/api/v1/users/*"})
public final class UsersServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;
    private static final String MANAGE = "manage users";

    private final transient UserDirectory directory;
    private final transient Authenticator authenticator;
    private final transient Sessions sessions;
    private final transient SecurityPolicy policy;

    /**
     * A new user as sent.
     *
     * @param username lowercase letters, digits and {@code . _ @ -}
     * @param role {@code viewer}, {@code editor} or {@code admin}
     * @param regions the regions an editor edits
     * @param password the initial password
     */
    public record NewUser(String username, String role, List<String> regions, String password) {
        /** Leaves the password out. */
        @Override
        public String toString() {
            return "NewUser[username=" + username + ", role=" + role + ", regions=" + regions + "]";
        }
    }

    /**
     * A change of role and regions.
     *
     * @param role {@code viewer}, {@code editor} or {@code admin}
     * @param regions the regions an editor edits
     */
    public record UserChange(String role, List<String> regions) {
    }

    /**
     * A new password.
     *
     * @param password the new password
     * @param currentPassword the user's current password; needed when users change their own, not for an admin
     */
    public record PasswordChange(String password, String currentPassword) {
        /** Leaves the passwords out. */
        @Override
        public String toString() {
            return "PasswordChange[]";
        }
    }

    /**
     * Creates the servlet.
     *
     * @param directory the users
     * @param authenticator checks the current password of users who change their own
     * @param sessions to keep the session of a user who changed their own password
     * @param policy how a renewed session cookie is set
     */
    @Activate
    public UsersServlet(@Reference(name = "directory") UserDirectory directory,
            @Reference(name = "authenticator") Authenticator authenticator,
            @Reference(name = "sessions") Sessions sessions, @Reference(name = "policy") SecurityPolicy policy) {
        this.directory = directory;
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.policy = policy;
    }

    @Override
    protected void handle(String method, String path, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        User actor = CurrentUser.require(request);
        String[] parts = path.isEmpty() ? new String[0] : path.split("/", -1);
        try {
            if (parts.length == 2 && parts[1].equals("password") && !parts[0].isEmpty()) {
                if (!method.equals("PUT")) {
                    throw methodNotAllowed(method, "PUT");
                }
                password(actor, parts[0].toLowerCase(Locale.ROOT), request, response);
                return;
            }
            Access.requireAdmin(actor, MANAGE);
            if (parts.length == 0) {
                switch (method) {
                    case "GET", "HEAD" -> json(response, directory.users().stream().map(UserView::of).toList());
                    case "POST" -> create(actor, request, response);
                    default -> throw methodNotAllowed(method, "GET or POST");
                }
            } else if (parts.length == 1 && !parts[0].isEmpty()) {
                String username = parts[0].toLowerCase(Locale.ROOT);
                switch (method) {
                    case "GET", "HEAD" -> json(response, UserView.of(existing(username)));
                    case "PUT" -> update(actor, username, request, response);
                    case "DELETE" -> {
                        existing(username);
                        directory.delete(username, actor.username());
                        response.setStatus(204);
                    }
                    default -> throw methodNotAllowed(method, "GET, PUT or DELETE");
                }
            } else {
                throw ApiException.notFound("No user endpoint " + request.getRequestURI()
                        + "; see /api/openapi.json.");
            }
        } catch (UserException e) {
            throw refused(e);
        }
    }

    private void create(User actor, HttpServletRequest request, HttpServletResponse response) throws IOException {
        NewUser input = read(request, NewUser.class,
                "{\"username\", \"role\", \"regions\", \"password\"}");
        if (input.password() == null || input.password().isEmpty()) {
            throw ApiException.unprocessable("password is missing; a new user needs one of at least "
                    + UserDirectory.MINIMUM_PASSWORD_LENGTH + " characters.");
        }
        User user = user(input.username(), input.role(), input.regions());
        User stored = directory.create(user, input.password(), actor.username());
        response.setHeader("Location", "/api/v1/users/" + stored.username());
        json(response, 201, UserView.of(stored));
    }

    private void update(User actor, String username, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        existing(username);
        UserChange input = read(request, UserChange.class, "{\"role\", \"regions\"}");
        json(response, UserView.of(directory.update(user(username, input.role(), input.regions()), actor.username())));
    }

    private void password(User actor, String username, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        boolean own = actor.username().equals(username);
        if (!own) {
            Access.requireAdmin(actor, "change the password of user \"" + username + "\"");
        }
        PasswordChange input = read(request, PasswordChange.class, "{\"password\", \"currentPassword\"}");
        if (input.password() == null || input.password().isEmpty()) {
            throw ApiException.unprocessable("password is missing; send the new password, at least "
                    + UserDirectory.MINIMUM_PASSWORD_LENGTH + " characters.");
        }
        if (!actor.isAdmin()) {
            requireCurrentPassword(actor, input.currentPassword(), request.getRemoteAddr());
        }
        existing(username);
        directory.setPassword(username, input.password(), actor.username());
        if (own) {
            keepSession(actor, request, response);
        }
        response.setStatus(204);
    }

    /** Users who change their own password prove they are who the session says: a session left open is not enough. */
    private void requireCurrentPassword(User actor, String currentPassword, String address) {
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw ApiException.unprocessable("currentPassword is missing; to change your own password, send your "
                    + "current password too.");
        }
        LoginResult result = authenticator.authenticate(actor.username(), currentPassword, address);
        if (result instanceof LoginResult.Throttled throttled) {
            throw SecurityFilter.throttled(throttled.retryAfter());
        }
        if (!(result instanceof LoginResult.Success)) {
            throw ApiException.forbidden("The current password of user \"" + actor.username()
                    + "\" is wrong; the password was not changed.");
        }
    }

    /**
     * A new password ends the user's sessions, elsewhere as here; the browser that changed it gets a new session,
     * whose CSRF token {@code GET /api/v1/session} tells.
     */
    private void keepSession(User actor, HttpServletRequest request, HttpServletResponse response) {
        Optional<Session> current = CurrentUser.session(request);
        if (current.isPresent() && sessions.find(current.get().token()).isEmpty()) {
            Session renewed = sessions.open(directory.user(actor.username()).orElse(actor), request.getRemoteAddr());
            policy.setCookie(request, response, renewed.token());
        }
    }

    private User existing(String username) {
        return directory.user(username).orElseThrow(() -> ApiException.notFound("There is no user \"" + username + "\"."));
    }

    /** Builds a user, answering 422 with the rule a field breaks. */
    private static User user(String username, String role, List<String> regions) {
        if (username == null || username.isBlank()) {
            throw ApiException.unprocessable("username is missing; send for example \"j.devries\".");
        }
        if (role == null || role.isBlank()) {
            throw ApiException.unprocessable("role is missing; send viewer, editor or admin.");
        }
        if (regions != null && regions.contains(null)) {
            throw ApiException.unprocessable("regions holds null; send region ids such as \"zeeland\".");
        }
        try {
            return new User(username, Role.of(role), regions == null ? Set.of() : Set.copyOf(regions));
        } catch (IllegalArgumentException e) {
            throw ApiException.unprocessable(e.getMessage());
        }
    }

    private static <T> T read(HttpServletRequest request, Class<T> type, String shape) throws IOException {
        T input;
        try {
            input = Json.MAPPER.readValue(request.getInputStream(), type);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("The JSON cannot be read: " + e.getOriginalMessage() + ". Send " + shape + ".");
        }
        if (input == null) {
            throw ApiException.badRequest("Send a JSON object " + shape + ".");
        }
        return input;
    }

    /** The answer to a change the directory refused. */
    static ApiException refused(UserException e) {
        return switch (e.reason()) {
            case NOT_FOUND -> ApiException.notFound(e.getMessage());
            case DUPLICATE -> new ApiException(409, "Conflict", e.getMessage(), List.of());
            case INVALID -> ApiException.unprocessable(e.getMessage());
            case LAST_ADMIN -> new ApiException(409, "Conflict", e.getMessage(), List.of());
        };
    }
}
