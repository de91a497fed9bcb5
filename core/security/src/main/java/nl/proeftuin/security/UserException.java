package nl.proeftuin.security;

import java.util.Objects;

/**
 * A change to the users that was refused; nothing was changed. The message names the user and
 * the reason, in words an admin understands.
 */
public class UserException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a change was refused. */
    public enum Reason {
        /** There is no user with that name. */
        NOT_FOUND,
        /** A user with that name exists already. */
        DUPLICATE,
        /** The user or password does not meet the rules (e.g. a password that is too short). */
        INVALID,
        /** The change would leave the platform without an admin. */
        LAST_ADMIN
    }

    private final Reason reason;

    /**
     * @param reason why the change was refused
     * @param message what was refused and why, naming the user
     */
    public UserException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why the change was refused */
    public Reason reason() {
        return reason;
    }
}
