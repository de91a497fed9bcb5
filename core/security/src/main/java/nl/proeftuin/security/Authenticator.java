package nl.proeftuin.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Checks usernames and passwords, for the login page and for HTTP Basic on the API.
 *
 * <p>Passwords are stored only as slow salted hashes (PBKDF2). Failed attempts are counted per
 * username and per client address; after a few in a row further attempts are
 * {@link LoginResult.Throttled throttled} for a while that grows with each failure, without
 * checking the password at all. Every failure and every throttled attempt is written to the
 * {@link AuditLog} as {@link AuditLog#LOGIN_FAILED}; successes are not, because HTTP Basic
 * checks a password on every request (a web login is audited by {@link Sessions#open}).
 *
 * <p>Because the hash is slow by design, a success may be remembered for a short time (keyed by
 * a digest of username and password, never the password itself): for at most a minute, and
 * forgotten as soon as any user is changed or removed on the same node (so a change made on
 * another node takes effect here within that minute).
 *
 * <p>Thread-safety: may be called from any thread, concurrently.
 */
@ProviderType
public interface Authenticator {

    /**
     * Checks a password.
     *
     * @param username the name typed or sent; compared case-insensitively
     * @param password the password; never logged or stored
     * @param clientAddress the address the attempt came from, for throttling and the audit log
     * @return {@link LoginResult.Success} with the user, {@link LoginResult.Refused}, or
     *     {@link LoginResult.Throttled}; never {@code null}
     * @throws NullPointerException if an argument is {@code null}
     * @throws nl.proeftuin.store.StoreException if the database cannot be reached
     */
    LoginResult authenticate(String username, String password, String clientAddress);
}
