package nl.proeftuin.store;

import java.time.Instant;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Web sessions, as an OSGi service of the store bundle, shared by all platform nodes. Sessions
 * are found by a digest of their token; the token itself is never given to the store. A
 * session disappears with its user ({@link UserStore#deleteUser}) and when the user's password
 * is set ({@link UserStore#setPasswordHash}).
 *
 * <p>The store does not decide when a session has expired; the caller compares
 * {@link SessionRow#expires()} with the time and removes expired sessions.
 *
 * <p>Thread-safety: every method may be called from any thread; each call is one transaction.
 */
@ProviderType
public interface SessionStore {

    /**
     * Stores a new session.
     *
     * @param session the session; its user must exist
     * @throws NullPointerException if {@code session} is {@code null}
     * @throws StoreException if the digest is already in use, the user does not exist, or the
     *     database cannot be reached; nothing was stored
     */
    void insertSession(SessionRow session);

    /**
     * One session, expired or not.
     *
     * @param tokenDigest the digest of the session's token
     * @return the session, or empty if there is none with that digest
     * @throws NullPointerException if {@code tokenDigest} is {@code null}
     * @throws StoreException if the database cannot be read
     */
    Optional<SessionRow> session(String tokenDigest);

    /**
     * Moves a session's expiry.
     *
     * @param tokenDigest the digest of the session's token
     * @param expires the new expiry
     * @return {@code true} if changed, {@code false} if there is no such session (any more)
     * @throws NullPointerException if an argument is {@code null}
     * @throws StoreException if the database cannot be reached
     */
    boolean touchSession(String tokenDigest, Instant expires);

    /**
     * Removes a session.
     *
     * @param tokenDigest the digest of the session's token
     * @return {@code true} if removed, {@code false} if there was none
     * @throws NullPointerException if {@code tokenDigest} is {@code null}
     * @throws StoreException if the database cannot be reached
     */
    boolean deleteSession(String tokenDigest);

    /**
     * Removes every session whose expiry is at or before a time.
     *
     * @param now the time
     * @return how many were removed
     * @throws NullPointerException if {@code now} is {@code null}
     * @throws StoreException if the database cannot be reached
     */
    int deleteExpiredSessions(Instant now);
}
