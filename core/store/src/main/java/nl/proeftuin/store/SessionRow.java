package nl.proeftuin.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A web session as the {@link SessionStore} keeps one. The session's token itself is never
 * stored, only a digest of it, so that a copy of the database does not let anybody in.
 *
 * <p>Immutable; safe to share between threads.
 *
 * @param tokenDigest the digest of the session token (e.g. hex SHA-256), 1 to 64 characters; unique
 * @param username the session's user; must exist in the {@link UserStore}
 * @param csrfToken the session's CSRF token, 1 to 64 characters
 * @param created when the session started
 * @param expires when the session ends unless its expiry is moved forward
 */
public record SessionRow(String tokenDigest, String username, String csrfToken, Instant created,
        Instant expires) {

    /**
     * Checks the fields.
     *
     * @throws NullPointerException if a field is {@code null}
     * @throws IllegalArgumentException naming the field, if a text is empty or longer than 64
     *     characters
     */
    public SessionRow {
        Objects.requireNonNull(tokenDigest, "SessionRow.tokenDigest");
        Objects.requireNonNull(username, "SessionRow.username");
        Objects.requireNonNull(csrfToken, "SessionRow.csrfToken");
        Objects.requireNonNull(created, "SessionRow.created");
        Objects.requireNonNull(expires, "SessionRow.expires");
        check("tokenDigest", tokenDigest);
        check("username", username);
        check("csrfToken", csrfToken);
    }

    private static void check(String field, String value) {
        if (value.isEmpty() || value.length() > 64) {
            throw new IllegalArgumentException("SessionRow." + field + ": " + value.length()
                    + " characters (expected 1 to 64)");
        }
    }

    /** Leaves the secrets out, so that a row logged by mistake gives nothing away. */
    @Override
    public String toString() {
        return "SessionRow[username=" + username + ", created=" + created + ", expires=" + expires + "]";
    }
}
