package nl.proeftuin.security;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A user as the platform sees one when deciding what a request may do. Immutable; never carries the password.
 *
 * @param username lowercase letters, digits and {@code . _ @ -}, 1 to 64 characters, starting with a letter or digit
 * @param role what the user may do
 * @param regions the region ids an {@link Role#EDITOR editor} edits: at least one for an editor, none for the other roles
 */
public record User(String username, Role role, Set<String> regions) {

    /** The name of the user created on first start. */
    public static final String ADMIN = "admin";

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /**
     * Validates and normalises: the username must already be lowercase; regions are kept sorted.
     *
     * @throws IllegalArgumentException naming the field, the value found and what was expected
     * @throws NullPointerException if a field is {@code null}
     */
    public User {
        Objects.requireNonNull(username, "User.username");
        Objects.requireNonNull(role, "User.role");
        Objects.requireNonNull(regions, "User.regions");
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("User.username: \"" + username + "\" is not a username (expected 1-64 "
                    + "lowercase letters, digits or . _ @ -, starting with a letter or digit, e.g. \"j.devries\")");
        }
        for (String region : regions) {
            if (region == null || region.length() > 64 || !SLUG.matcher(region).matches()) {
                throw new IllegalArgumentException("User.regions: \"" + region + "\" is not a region id (expected a slug"
                        + " such as \"zeeland\")");
            }
        }
        if (role == Role.EDITOR && regions.isEmpty()) {
            throw new IllegalArgumentException("User.regions: an editor (\"" + username
                    + "\") needs at least one region to edit");
        }
        if (role != Role.EDITOR && !regions.isEmpty()) {
            throw new IllegalArgumentException("User.regions: only an editor has regions; \"" + username + "\" is "
                    + role.id() + " and was given " + regions);
        }
        // iterates in sorted order (Set.copyOf would not); contains(null) stays legal
        regions = Collections.unmodifiableSet(new LinkedHashSet<>(new TreeSet<>(regions)));
    }

    /**
     * Whether this user may change things that belong to a region: measurements of its KPIs,
     * its lessons, and the pilot bundles that declare it.
     *
     * @param regionId a region id; {@code null} stands for "no region" (e.g. a bundle without
     *     {@code Proeftuin-Region}), which only an admin may change
     * @return true for an admin, and for an editor of that region
     */
    public boolean mayEdit(String regionId) {
        return role == Role.ADMIN || (role == Role.EDITOR && regionId != null && regions.contains(regionId));
    }

    /**
     * Whether this user may manage users and read the audit log.
     *
     * @return true for an admin
     */
    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
