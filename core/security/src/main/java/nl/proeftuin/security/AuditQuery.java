package nl.proeftuin.security;

/**
 * Which lines of the audit log to read: the newest first, at most {@code limit}.
 *
 * @param limit 1 to 1000 lines
 * @param before only lines with an id below this one (the next page); {@code null} for the newest
 * @param actor only lines of this actor; {@code null} for all
 * @param action only lines with this action; {@code null} for all
 */
public record AuditQuery(int limit, Long before, String actor, String action) {

    /** The most lines one query returns. */
    public static final int MAX_LIMIT = 1000;

    /** @throws IllegalArgumentException if {@code limit} is outside 1..{@value #MAX_LIMIT} */
    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("AuditQuery.limit: " + limit + " (expected 1 to " + MAX_LIMIT + ")");
        }
    }

    /**
     * The newest lines.
     *
     * @param limit 1 to 1000
     * @return a query without filters
     */
    public static AuditQuery newest(int limit) {
        return new AuditQuery(limit, null, null, null);
    }
}
