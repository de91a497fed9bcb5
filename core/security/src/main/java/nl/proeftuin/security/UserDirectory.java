package nl.proeftuin.security;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's users, kept in the database. At every start where {@code PROEFTUIN_ADMIN_PASSWORD}
 * (or else the framework property {@code proeftuin.admin.password}) is set, the directory makes
 * sure user {@value User#ADMIN} exists, is an admin and has that password. Where neither is set,
 * the first start (no users at all) creates user {@value User#ADMIN} with a generated password
 * written to {@code data/initial-admin-password}, readable by the owner only; the file is deleted
 * when the admin's password is set.
 *
 * <p>Passwords are at least 12 characters and are stored only as PBKDF2 hashes. Every change is
 * written to the {@link AuditLog} with the acting user. The directory never lets the platform
 * end up without an admin.
 *
 * <p>Thread-safety: may be called from any thread, concurrently; each change is one transaction.
 */
@ProviderType
public interface UserDirectory {

    /** Minimum length of a password, in characters. */
    int MINIMUM_PASSWORD_LENGTH = 12;

    /**
     * All users, sorted by username.
     *
     * @return an unmodifiable list
     * @throws nl.proeftuin.store.StoreException if the database cannot be read
     */
    List<User> users();

    /**
     * One user.
     *
     * @param username the name, compared case-insensitively
     * @return the user, or empty if there is none with that name
     * @throws NullPointerException if {@code username} is {@code null}
     * @throws nl.proeftuin.store.StoreException if the database cannot be read
     */
    Optional<User> user(String username);

    /**
     * Adds a user and writes {@link AuditLog#USER_CREATE}.
     *
     * @param user the new user
     * @param password the initial password
     * @param actor the username of who does this, for the audit log
     * @return the stored user
     * @throws UserException {@link UserException.Reason#DUPLICATE DUPLICATE} if the name is
     *     taken, {@link UserException.Reason#INVALID INVALID} if the password is too short
     * @throws NullPointerException if an argument is {@code null}
     * @throws nl.proeftuin.store.StoreException if the database cannot be reached
     */
    User create(User user, String password, String actor);

    /**
     * Changes the role and regions of a user and writes {@link AuditLog#USER_UPDATE}.
     *
     * @param user the user as it should be; {@link User#username()} names who is changed
     * @param actor the username of who does this, for the audit log
     * @return the stored user
     * @throws UserException {@link UserException.Reason#NOT_FOUND NOT_FOUND}, or
     *     {@link UserException.Reason#LAST_ADMIN LAST_ADMIN} if this is the last admin and the
     *     role would change
     * @throws NullPointerException if an argument is {@code null}
     * @throws nl.proeftuin.store.StoreException if the database cannot be reached
     */
    User update(User user, String actor);

    /**
     * Sets a new password, ends all of the user's sessions on every node, and writes
     * {@link AuditLog#USER_PASSWORD}. That includes the caller's own session when users change
     * their own password; to keep them logged in, open a new session for them with
     * {@link Sessions#open} afterwards. Logins remembered by the {@link Authenticator} on this node
     * are forgotten at once; other nodes accept the old password for at most a minute longer.
     *
     * @param username whose password
     * @param password the new password
     * @param actor the username of who does this, for the audit log
     * @throws UserException {@link UserException.Reason#NOT_FOUND NOT_FOUND}, or
     *     {@link UserException.Reason#INVALID INVALID} if the password is too short
     * @throws NullPointerException if an argument is {@code null}
     * @throws nl.proeftuin.store.StoreException if the database cannot be reached
     */
    void setPassword(String username, String password, String actor);

    /**
     * Removes a user, ends all of the user's sessions, and writes {@link AuditLog#USER_DELETE}.
     * What the user did stays in the audit log.
     *
     * @param username who is removed
     * @param actor the username of who does this, for the audit log
     * @throws UserException {@link UserException.Reason#NOT_FOUND NOT_FOUND}, or
     *     {@link UserException.Reason#LAST_ADMIN LAST_ADMIN} for the last admin
     * @throws NullPointerException if an argument is {@code null}
     * @throws nl.proeftuin.store.StoreException if the database cannot be reached
     */
    void delete(String username, String actor);
}
