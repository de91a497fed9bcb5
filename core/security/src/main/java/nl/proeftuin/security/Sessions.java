package nl.proeftuin.security;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Web sessions, kept in the database so that every node of the platform knows them and a restart
 * does not log anybody out.
 *
 * <p>Sessions end after a configurable idle time, at logout, and when the user is removed;
 * changes to the role or regions of a user take effect on the next request of each of the
 * user's sessions.
 *
 * <p>Thread-safety: may be called from any thread, concurrently.
 */
@ProviderType
public interface Sessions {

    /**
     * Starts a session for a user whose password was just checked, and writes
     * {@link AuditLog#LOGIN} to the audit log.
     *
     * @param user the user
     * @param clientAddress the address the login came from, for the audit log
     * @return the new session, with fresh random token and CSRF token
     * @throws NullPointerException if an argument is {@code null}
     * @throws nl.proeftuin.store.StoreException if the database cannot be reached
     */
    Session open(User user, String clientAddress);

    /**
     * The live session a cookie's token stands for, and moves its expiry forward.
     *
     * @param token the cookie's value; any string, including garbage
     * @return the session with the user as they are now; empty if the token is unknown, the
     *     session expired or ended, or its user no longer exists
     * @throws NullPointerException if {@code token} is {@code null}
     * @throws nl.proeftuin.store.StoreException if the database cannot be reached
     */
    Optional<Session> find(String token);

    /**
     * Ends a session (logout) and writes {@link AuditLog#LOGOUT} to the audit log. Ending a
     * session that does not exist does nothing.
     *
     * @param token the cookie's value
     * @param clientAddress the address the logout came from, for the audit log
     * @throws NullPointerException if an argument is {@code null}
     * @throws nl.proeftuin.store.StoreException if the database cannot be reached
     */
    void close(String token, String clientAddress);
}
