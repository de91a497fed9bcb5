package nl.proeftuin.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's users with their password hashes, as an OSGi service of the store bundle. Used
 * by the security bundle, which checks passwords and decides who may do what; the store only
 * keeps rows and guards the two rules that must hold across platform nodes: usernames are
 * unique, and there is always at least one user with role {@value #ADMIN_ROLE} once there was one.
 *
 * <p>Usernames are compared exactly; callers normalise them (lowercase) before.
 *
 * <p>Thread-safety: every method may be called from any thread; each call is one transaction,
 * safe against concurrent calls on other nodes that share the database.
 */
@ProviderType
public interface UserStore {

    /** The role id the store protects: the last user with this role cannot lose it or be removed. */
    String ADMIN_ROLE = "admin";

    /** What a change of an existing user did. */
    enum Outcome {
        /** The change was made. */
        DONE,
        /** There is no user with that name; nothing changed. */
        NOT_FOUND,
        /** The change would leave no user with role {@value UserStore#ADMIN_ROLE}; nothing changed. */
        LAST_ADMIN
    }

    /**
     * All users, sorted by username.
     *
     * @return an unmodifiable list, empty if there are none
     * @throws StoreException if the database cannot be read
     */
    List<UserRow> users();

    /**
     * One user.
     *
     * @param username the exact name
     * @return the user, or empty if there is none with that name
     * @throws NullPointerException if {@code username} is {@code null}
     * @throws StoreException if the database cannot be read
     */
    Optional<UserRow> user(String username);

    /**
     * The number of users, to know whether the platform starts for the first time.
     *
     * @return zero or more
     * @throws StoreException if the database cannot be read
     */
    long userCount();

    /**
     * Adds a user. When several calls (on one node or several) add the same name at the same
     * time, the database's unique key decides: exactly one returns {@code true}.
     *
     * @param user the new user
     * @param at when, stored as the time it was created and last changed
     * @return {@code true} if added, {@code false} if a user with that name exists (nothing changed)
     * @throws NullPointerException if an argument is {@code null}
     * @throws StoreException if the database rejects the row or cannot be reached
     */
    boolean insertUser(UserRow user, Instant at);

    /**
     * Changes the role and regions of a user; the password hash stays.
     *
     * @param username who is changed
     * @param role the new role id
     * @param regions the new region ids; may be empty
     * @param at when, stored as the time it was last changed
     * @return {@link Outcome#DONE}, {@link Outcome#NOT_FOUND}, or {@link Outcome#LAST_ADMIN} if
     *     the user is the only {@value #ADMIN_ROLE} and {@code role} is another role
     * @throws NullPointerException if an argument or a region is {@code null}
     * @throws StoreException if the database rejects the values or cannot be reached
     */
    Outcome updateUser(String username, String role, Set<String> regions, Instant at);

    /**
     * Sets a new password hash and removes all sessions of the user, in one transaction: whoever
     * knew the old password is logged out everywhere.
     *
     * @param username whose password
     * @param passwordHash the new hash
     * @param at when, stored as the time it was last changed
     * @return {@code true} if set, {@code false} if there is no user with that name
     * @throws NullPointerException if an argument is {@code null}
     * @throws StoreException if the database rejects the value or cannot be reached
     */
    boolean setPasswordHash(String username, String passwordHash, Instant at);

    /**
     * Replaces a password hash by a stronger hash of the same password, only if it is still the
     * one the caller checked (another node may have changed it meanwhile). Sessions stay.
     *
     * @param username whose password
     * @param expectedHash the hash the caller verified the password against
     * @param newHash the new hash of the same password
     * @return {@code true} if replaced, {@code false} if the user is gone or has another hash now
     * @throws NullPointerException if an argument is {@code null}
     * @throws StoreException if the database rejects the value or cannot be reached
     */
    boolean rehash(String username, String expectedHash, String newHash);

    /**
     * Removes a user with their regions and all their sessions.
     *
     * @param username who is removed
     * @return {@link Outcome#DONE}, {@link Outcome#NOT_FOUND}, or {@link Outcome#LAST_ADMIN} if
     *     the user is the only {@value #ADMIN_ROLE}
     * @throws NullPointerException if {@code username} is {@code null}
     * @throws StoreException if the database cannot be reached
     */
    Outcome deleteUser(String username);
}
