package nl.proeftuin.store.internal;

import static nl.proeftuin.store.internal.SqlUserStore.timestamp;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import nl.proeftuin.store.AuditRow;
import nl.proeftuin.store.AuditStore;
import nl.proeftuin.store.StoreException;

/**
 * {@link AuditStore} on any {@link DataSource} holding the store's schema; no OSGi. Only
 * {@code INSERT} and {@code SELECT}: lines are never changed or removed.
 *
 * <p>Thread-safety: may be called from any thread; each call is one transaction.
 */
public final class SqlAuditStore implements AuditStore {

    private final DataSource dataSource;

    /**
     * Creates the store.
     *
     * @param dataSource the database, already migrated (see {@link Migrator}); a pool
     */
    public SqlAuditStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public AuditRow append(Instant at, String actor, String action, String target, String detail) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(detail, "detail");
        if (action.isEmpty() || action.length() > MAX_ACTION_LENGTH) {
            throw new IllegalArgumentException("audit action: \"" + action + "\" (expected 1 to "
                    + MAX_ACTION_LENGTH + " characters)");
        }
        String cutActor = actor.length() > MAX_ACTOR_LENGTH
                ? actor.substring(0, MAX_ACTOR_LENGTH) : actor;
        Instant stored = at.truncatedTo(ChronoUnit.MICROS);
        try {
            long id = Sql.transaction(dataSource, c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log"
                        + " (recorded_at, actor, audit_action, target, detail) VALUES (?, ?, ?, ?, ?)",
                        new String[] {"id"})) {
                    ps.setObject(1, timestamp(stored));
                    ps.setString(2, cutActor);
                    ps.setString(3, action);
                    ps.setString(4, target);
                    ps.setString(5, detail);
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        return keys.getLong(1);
                    }
                }
            });
            return new AuditRow(id, stored, cutActor, action, target, detail);
        } catch (SQLException e) {
            throw new StoreException("Could not add a line to the audit log: " + Sql.reason(e), e);
        }
    }

    @Override
    public List<AuditRow> auditEntries(int limit, Long beforeId, String actor, String action) {
        if (limit < 1) {
            throw new IllegalArgumentException("audit limit: " + limit + " (expected at least 1)");
        }
        StringBuilder sql = new StringBuilder("SELECT id, recorded_at, actor, audit_action, target,"
                + " detail FROM audit_log WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (beforeId != null) {
            sql.append(" AND id < ?");
            parameters.add(beforeId);
        }
        if (actor != null) {
            sql.append(" AND actor = ?");
            parameters.add(actor);
        }
        if (action != null) {
            sql.append(" AND audit_action = ?");
            parameters.add(action);
        }
        // FETCH FIRST is standard SQL; both H2 and PostgreSQL take it with a parameter
        sql.append(" ORDER BY id DESC FETCH FIRST ? ROWS ONLY");
        parameters.add(limit);
        try {
            return Sql.transaction(dataSource, c -> {
                try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                    for (int i = 0; i < parameters.size(); i++) {
                        ps.setObject(i + 1, parameters.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        List<AuditRow> rows = new ArrayList<>();
                        while (rs.next()) {
                            rows.add(new AuditRow(rs.getLong(1),
                                    rs.getObject(2, OffsetDateTime.class).toInstant(),
                                    rs.getString(3), rs.getString(4), rs.getString(5),
                                    rs.getString(6)));
                        }
                        return Collections.unmodifiableList(rows);
                    }
                }
            });
        } catch (SQLException e) {
            throw new StoreException("Could not read the audit log: " + Sql.reason(e), e);
        }
    }
}
