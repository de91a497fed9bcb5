package nl.proeftuin.store;

import java.time.Instant;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The audit log's lines, as an OSGi service of the store bundle, shared by all platform nodes.
 * Append-only: there is deliberately no way to change or remove a line through the store.
 *
 * <p>Thread-safety: every method may be called from any thread; each call is one transaction.
 */
@ProviderType
public interface AuditStore {

    /** The longest actor kept, in characters; longer ones are cut (a failed login's actor is whatever was typed). */
    int MAX_ACTOR_LENGTH = 200;

    /** The longest action kept, in characters. */
    int MAX_ACTION_LENGTH = 64;

    /**
     * Adds a line.
     *
     * @param at when it happened; kept with microsecond precision
     * @param actor who did it; cut to {@value #MAX_ACTOR_LENGTH} characters
     * @param action what was done, 1 to {@value #MAX_ACTION_LENGTH} characters
     * @param target what it was done to; may be empty
     * @param detail further facts; may be empty
     * @return the line as stored, with the id the database gave it
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code action} is empty or too long
     * @throws StoreException if the database rejects the line or cannot be reached
     */
    AuditRow append(Instant at, String actor, String action, String target, String detail);

    /**
     * Reads lines, newest (highest id) first.
     *
     * @param limit the most lines to return, at least 1
     * @param beforeId only lines with an id below this one; {@code null} for the newest
     * @param actor only lines of this actor; {@code null} for all
     * @param action only lines with this action; {@code null} for all
     * @return an unmodifiable list, at most {@code limit} long
     * @throws IllegalArgumentException if {@code limit} is below 1
     * @throws StoreException if the database cannot be read
     */
    List<AuditRow> auditEntries(int limit, Long beforeId, String actor, String action);
}
