package nl.proeftuin.security;

import java.time.Instant;
import java.util.Objects;

/**
 * A web session: what the session cookie stands for.
 *
 * @param token the secret the cookie carries (at least 128 random bits, URL-safe); the database keeps only a digest of it
 * @param csrfToken the secret a page must send back in the {@code X-CSRF-Token} header with every write
 * @param user the session's user, with the role and regions as they are now
 * @param expires when the session ends unless used before; each use moves it forward (idle timeout)
 */
public record Session(String token, String csrfToken, User user, Instant expires) {

    /** @throws NullPointerException if a field is {@code null} */
    public Session {
        Objects.requireNonNull(token, "Session.token");
        Objects.requireNonNull(csrfToken, "Session.csrfToken");
        Objects.requireNonNull(user, "Session.user");
        Objects.requireNonNull(expires, "Session.expires");
    }

    /** Leaves the secrets out, so that a session logged by mistake gives nothing away. */
    @Override
    public String toString() {
        return "Session[user=" + user.username() + ", expires=" + expires + "]";
    }
}
