package nl.proeftuin.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit log as the {@link AuditStore} keeps it.
 *
 * <p>Immutable; safe to share between threads.
 *
 * @param id assigned by the database when the line was added; unique, increasing with time
 * @param at when it happened, with microsecond precision
 * @param actor who did it
 * @param action what was done
 * @param target what it was done to; empty if nothing
 * @param detail further facts; empty if none
 */
public record AuditRow(long id, Instant at, String actor, String action, String target, String detail) {

    /** @throws NullPointerException if a field is {@code null} */
    public AuditRow {
        Objects.requireNonNull(at, "AuditRow.at");
        Objects.requireNonNull(actor, "AuditRow.actor");
        Objects.requireNonNull(action, "AuditRow.action");
        Objects.requireNonNull(target, "AuditRow.target");
        Objects.requireNonNull(detail, "AuditRow.detail");
    }
}
