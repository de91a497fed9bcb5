package nl.proeftuin.security.internal;

import java.util.Locale;
import nl.proeftuin.security.Role;
import nl.proeftuin.security.User;
import nl.proeftuin.store.UserRow;

/**
 * Between the store's rows and the security API's users.
 *
 * <p>Stateless; may be used from any thread.
 */
final class UserRows {

    private UserRows() {
    }

    /**
     * A username as stored: usernames are compared case-insensitively, and kept lowercase.
     *
     * @param username as typed or sent
     * @return without surrounding white space, lowercase
     */
    static String normalise(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The user a row stands for.
     *
     * @param row a stored user
     * @return the user, without the password hash
     * @throws IllegalStateException naming the user, if the row holds an unknown role or invalid regions
     */
    static User user(UserRow row) {
        try {
            return new User(row.username(), Role.of(row.role()), row.regions());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("User \"" + row.username() + "\" in the database is invalid: "
                    + e.getMessage(), e);
        }
    }

    /**
     * A row for a user.
     *
     * @param user the user
     * @param passwordHash the user's password hash
     * @return the row
     */
    static UserRow row(User user, String passwordHash) {
        return new UserRow(user.username(), user.role().id(), user.regions(), passwordHash);
    }
}
