package nl.proeftuin.security;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The audit log: who logged in, deployed, updated or removed which bundle, changed which data or
 * which user, and when. Kept in the database; lines are only ever added, never changed or removed
 * through the platform.
 *
 * <p>Thread-safety: may be called from any thread, concurrently.
 */
@ProviderType
public interface AuditLog {

    /** The actor of what the platform did by itself, such as installing a JAR dropped into {@code deploy/}. */
    String SYSTEM = "system";

    /** A web login (a new session). */
    String LOGIN = "login";
    /** A failed or throttled password check; the actor is the name that was tried. */
    String LOGIN_FAILED = "login.failed";
    /** A logout. */
    String LOGOUT = "logout";
    /** A pilot bundle installed; target is the symbolic name, detail the version and region. */
    String BUNDLE_DEPLOY = "bundle.deploy";
    /** A pilot bundle updated to another JAR. */
    String BUNDLE_UPDATE = "bundle.update";
    /** A pilot bundle removed. */
    String BUNDLE_REMOVE = "bundle.remove";
    /** A JAR refused (invalid, unsigned, not allowed); detail says why. */
    String BUNDLE_REFUSED = "bundle.refused";
    /** Measurements entered; target is the KPI id, detail the number of rows. */
    String MEASUREMENTS_RECORD = "measurements.record";
    /** A lesson written; target is the lesson id. */
    String LESSON_ADD = "lesson.add";
    /** A user added; target is the username, detail the role and regions. */
    String USER_CREATE = "user.create";
    /** A user's role or regions changed. */
    String USER_UPDATE = "user.update";
    /** A user's password set. */
    String USER_PASSWORD = "user.password";
    /** A user removed. */
    String USER_DELETE = "user.delete";

    /**
     * Adds a line, stamped with the current time.
     *
     * <p>Writing the audit log must never be the reason an action fails after it took effect: a
     * database failure here is logged (with the whole line) and not thrown.
     *
     * @param actor the username of who did it, or {@link #SYSTEM}
     * @param action one of the constants of this interface
     * @param target what it was done to; empty if nothing
     * @param detail further facts; empty if none
     * @throws NullPointerException if an argument is {@code null}
     */
    void record(String actor, String action, String target, String detail);

    /**
     * Reads lines, newest first.
     *
     * @param query which lines
     * @return an unmodifiable list, at most {@code query.limit()} long
     * @throws NullPointerException if {@code query} is {@code null}
     * @throws nl.proeftuin.store.StoreException if the database cannot be read
     */
    List<AuditEntry> entries(AuditQuery query);
}
