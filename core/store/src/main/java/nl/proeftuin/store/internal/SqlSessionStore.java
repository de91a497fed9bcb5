package nl.proeftuin.store.internal;

import static nl.proeftuin.store.internal.SqlUserStore.timestamp;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import nl.proeftuin.store.SessionRow;
import nl.proeftuin.store.SessionStore;
import nl.proeftuin.store.StoreException;

/**
 * {@link SessionStore} on any {@link DataSource} holding the store's schema; no OSGi. Messages
 * never contain a token digest or CSRF token.
 *
 * <p>Thread-safety: may be called from any thread; each call is one transaction.
 */
public final class SqlSessionStore implements SessionStore {

    private final DataSource dataSource;

    /**
     * Creates the store.
     *
     * @param dataSource the database, already migrated (see {@link Migrator}); a pool
     */
    public SqlSessionStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public void insertSession(SessionRow session) {
        Objects.requireNonNull(session, "session");
        try {
            Sql.transaction(dataSource, c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_session"
                        + " (token_digest, username, csrf_token, created_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?)")) {
                    ps.setString(1, session.tokenDigest());
                    ps.setString(2, session.username());
                    ps.setString(3, session.csrfToken());
                    ps.setObject(4, timestamp(session.created()));
                    ps.setObject(5, timestamp(session.expires()));
                    return ps.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new StoreException("Could not store a session of user \"" + session.username()
                    + "\": " + Sql.reason(e), e);
        }
    }

    @Override
    public Optional<SessionRow> session(String tokenDigest) {
        Objects.requireNonNull(tokenDigest, "tokenDigest");
        try {
            return Sql.transaction(dataSource, c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT username, csrf_token,"
                        + " created_at, expires_at FROM user_session WHERE token_digest = ?")) {
                    ps.setString(1, tokenDigest);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next()
                                ? Optional.of(new SessionRow(tokenDigest, rs.getString(1),
                                        rs.getString(2), instant(rs, 3), instant(rs, 4)))
                                : Optional.<SessionRow>empty();
                    }
                }
            });
        } catch (SQLException e) {
            throw new StoreException("Could not read a session: " + Sql.reason(e), e);
        }
    }

    @Override
    public boolean touchSession(String tokenDigest, Instant expires) {
        Objects.requireNonNull(tokenDigest, "tokenDigest");
        Objects.requireNonNull(expires, "expires");
        try {
            return Sql.transaction(dataSource, c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE user_session SET expires_at = ? WHERE token_digest = ?")) {
                    ps.setObject(1, timestamp(expires));
                    ps.setString(2, tokenDigest);
                    return ps.executeUpdate() == 1;
                }
            });
        } catch (SQLException e) {
            throw new StoreException("Could not extend a session: " + Sql.reason(e), e);
        }
    }

    @Override
    public boolean deleteSession(String tokenDigest) {
        Objects.requireNonNull(tokenDigest, "tokenDigest");
        try {
            return Sql.transaction(dataSource, c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM user_session WHERE token_digest = ?")) {
                    ps.setString(1, tokenDigest);
                    return ps.executeUpdate() == 1;
                }
            });
        } catch (SQLException e) {
            throw new StoreException("Could not end a session: " + Sql.reason(e), e);
        }
    }

    @Override
    public int deleteExpiredSessions(Instant now) {
        Objects.requireNonNull(now, "now");
        try {
            return Sql.transaction(dataSource, c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM user_session WHERE expires_at <= ?")) {
                    ps.setObject(1, timestamp(now));
                    return ps.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new StoreException("Could not remove expired sessions: " + Sql.reason(e), e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
