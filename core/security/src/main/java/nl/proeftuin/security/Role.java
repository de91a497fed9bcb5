package nl.proeftuin.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a user may do. Roles do not nest by inheritance in code, but each grants everything the one before it grants. */
public enum Role {

    /** Reads every region: catalogue, measurements, progress, lessons, bundles and live events. */
    VIEWER,

    /**
     * Everything a viewer may, and for the regions named in {@link User#regions()}: enters
     * measurements, writes lessons, deploys, updates and removes pilots whose manifest declares
     * one of those regions.
     */
    EDITOR,

    /** Everything, in every region, including pilots without a region, user management and the audit log. */
    ADMIN;

    /**
     * The role's name as used in the API and the database: {@code viewer}, {@code editor} or {@code admin}.
     *
     * @return the lowercase name
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The role with the given {@link #id() id}.
     *
     * @param id {@code viewer}, {@code editor} or {@code admin} (case-insensitive)
     * @return the role
     * @throws IllegalArgumentException naming the value and the accepted ones, if {@code id} is none of them
     */
    public static Role of(String id) {
        for (Role role : values()) {
            if (role.id().equalsIgnoreCase(String.valueOf(id).trim())) {
                return role;
            }
        }
        throw new IllegalArgumentException("role: \"" + id + "\" is not a role (expected one of "
                + Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", ")) + ")");
    }
}
