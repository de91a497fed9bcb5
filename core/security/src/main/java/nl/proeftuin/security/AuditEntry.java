package nl.proeftuin.security;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit log.
 *
 * @param id increasing with time, unique; for paging with {@link AuditQuery#before()}
 * @param at when it happened
 * @param actor the username of who did it, or {@link AuditLog#SYSTEM} for the platform itself
 *     (e.g. a JAR dropped into {@code deploy/} by hand); for a failed login, the name that was tried
 * @param action what was done, one of the constants of {@link AuditLog}
 * @param target what it was done to: a bundle's symbolic name, a KPI id, a username; empty if nothing
 * @param detail further facts in words (version, number of rows, client address); empty if none
 */
public record AuditEntry(long id, Instant at, String actor, String action, String target, String detail) {

    /** @throws NullPointerException if a field is {@code null} */
    public AuditEntry {
        Objects.requireNonNull(at, "AuditEntry.at");
        Objects.requireNonNull(actor, "AuditEntry.actor");
        Objects.requireNonNull(action, "AuditEntry.action");
        Objects.requireNonNull(target, "AuditEntry.target");
        Objects.requireNonNull(detail, "AuditEntry.detail");
    }
}
