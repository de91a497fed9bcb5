package nl.proeftuin.store;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A user as the {@link UserStore} keeps one: name, role, regions and password hash. The store
 * does not interpret the role except for {@link UserStore#ADMIN_ROLE}, nor the hash.
 *
 * <p>Immutable; safe to share between threads.
 *
 * @param username the unique name, already normalised (lowercase) by the caller; 1 to 64 characters
 * @param role the role's id, e.g. {@code viewer}, {@code editor} or {@code admin}; 1 to 16 characters
 * @param regions the region ids the user edits; may be empty; kept sorted
 * @param passwordHash the encoded password hash, 1 to 200 characters; never the password
 */
public record UserRow(String username, String role, Set<String> regions, String passwordHash) {

    /**
     * Checks the fields and copies the regions.
     *
     * @throws NullPointerException if a field or a region is {@code null}
     * @throws IllegalArgumentException naming the field, if a value is empty or longer than its column
     */
    public UserRow {
        Objects.requireNonNull(username, "UserRow.username");
        Objects.requireNonNull(role, "UserRow.role");
        Objects.requireNonNull(regions, "UserRow.regions");
        Objects.requireNonNull(passwordHash, "UserRow.passwordHash");
        check("username", username, 64);
        check("role", role, 16);
        if (passwordHash.isEmpty() || passwordHash.length() > 200) {
            // the length only: the hash does not belong in messages
            throw new IllegalArgumentException("UserRow.passwordHash: " + passwordHash.length()
                    + " characters (expected 1 to 200)");
        }
        for (String region : regions) {
            check("regions", Objects.requireNonNull(region, "UserRow.regions element"), 64);
        }
        // iterates in sorted order (Set.copyOf would not); contains(null) stays legal
        regions = Collections.unmodifiableSet(new LinkedHashSet<>(new TreeSet<>(regions)));
    }

    private static void check(String field, String value, int max) {
        if (value.isEmpty() || value.length() > max) {
            throw new IllegalArgumentException("UserRow." + field + ": \"" + value + "\" (expected 1 to "
                    + max + " characters)");
        }
    }

    /** Leaves the password hash out, so that a row logged by mistake gives nothing away. */
    @Override
    public String toString() {
        return "UserRow[username=" + username + ", role=" + role + ", regions=" + regions + "]";
    }
}
