package nl.proeftuin.web.internal.security;

import java.util.List;
import java.util.TreeSet;
import nl.proeftuin.security.User;

/**
 * A user as the API shows one: never with a password.
 *
 * @param username the username
 * @param role {@code viewer}, {@code editor} or {@code admin}
 * @param regions the regions an editor edits, sorted; empty for the other roles
 */
public record UserView(String username, String role, List<String> regions) {

    /**
     * The view of a user.
     *
     * @param user the user
     * @return its view
     */
    public static UserView of(User user) {
        return new UserView(user.username(), user.role().id(), List.copyOf(new TreeSet<>(user.regions())));
    }
}
