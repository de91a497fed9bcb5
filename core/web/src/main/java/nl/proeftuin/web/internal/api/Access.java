package nl.proeftuin.web.internal.api;

import java.util.TreeSet;
import nl.proeftuin.security.Role;
import nl.proeftuin.security.User;

/**
 * The server's checks of what a user may change, with 403 problems that name the user, the action and the region,
 * e.g. {@code User "ed" may not record measurements in region "groningen" (edits: zeeland)}. Reading needs only a
 * user, which {@link CurrentUser#require} checks.
 *
 * <p>Thread-safety: stateless.
 */
public final class Access {

    private Access() {
    }

    /**
     * Requires that the user may change what belongs to a region.
     *
     * @param user the user
     * @param regionId the region; {@code null} for something without a region, which only an admin may change
     * @param action what the user tries, in words that fit "may not ...", e.g. {@code record measurements}
     * @throws ApiException 403 naming user, action and region when the user may not
     */
    public static void requireEdit(User user, String regionId, String action) {
        if (!user.mayEdit(regionId)) {
            String where = regionId == null ? ", which belongs to no region" : " in region \"" + regionId + "\"";
            throw ApiException.forbidden("User \"" + user.username() + "\" may not " + action + where + " ("
                    + mayInstead(user) + ").");
        }
    }

    /**
     * Requires that the user may change something at all: an editor or an admin. Checked before a request's body is
     * read, so that a viewer's upload is refused without storing it first.
     *
     * @param user the user
     * @param action what the user tries, in words that fit "may not ...", e.g. {@code deploy pilots}
     * @throws ApiException 403 naming user and action for a viewer
     */
    public static void requireSomeEdit(User user, String action) {
        if (user.role() == Role.VIEWER) {
            throw ApiException.forbidden("User \"" + user.username() + "\" may not " + action + " ("
                    + mayInstead(user) + ").");
        }
    }

    /**
     * Requires an admin.
     *
     * @param user the user
     * @param action what the user tries, in words that fit "may not ...", e.g. {@code manage users}
     * @throws ApiException 403 naming user and action when the user is not an admin
     */
    public static void requireAdmin(User user, String action) {
        if (!user.isAdmin()) {
            throw ApiException.forbidden("User \"" + user.username() + "\" may not " + action + " (only an admin may; "
                    + mayInstead(user) + ").");
        }
    }

    /** What the user may change, for the end of a 403 message. */
    static String mayInstead(User user) {
        if (user.role() == Role.EDITOR) {
            return "edits: " + String.join(", ", new TreeSet<>(user.regions()));
        }
        return user.role() == Role.ADMIN ? "admin" : "viewer: reads only";
    }
}
