package nl.proeftuin.security;

import java.time.Duration;
import java.util.Objects;

/** The outcome of a password check by the {@link Authenticator}. */
public sealed interface LoginResult {

    /**
     * The password was right.
     *
     * @param user the user, with the role and regions as they are now
     */
    record Success(User user) implements LoginResult {
        /** @throws NullPointerException if {@code user} is {@code null} */
        public Success {
            Objects.requireNonNull(user, "user");
        }
    }

    /**
     * Unknown user or wrong password. Deliberately does not say which, so that nobody can find
     * out which usernames exist.
     */
    record Refused() implements LoginResult {
    }

    /**
     * Too many failed attempts for this username or from this client address: the password
     * was not even checked.
     *
     * @param retryAfter how long to wait before the next attempt is considered, positive
     */
    record Throttled(Duration retryAfter) implements LoginResult {
        /** @throws IllegalArgumentException if {@code retryAfter} is not positive */
        public Throttled {
            if (retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()) {
                throw new IllegalArgumentException("Throttled.retryAfter: " + retryAfter + " (expected a positive duration)");
            }
        }
    }
}
