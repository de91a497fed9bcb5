package nl.proeftuin.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import nl.proeftuin.store.StoreException;
import nl.proeftuin.store.UserRow;
import nl.proeftuin.store.UserStore;

/**
 * {@link UserStore} on any {@link DataSource} holding the store's schema; no OSGi.
 *
 * <p>The last-admin rule holds across nodes because every change that could break it first
 * locks the rows of all admins ({@code SELECT ... FOR UPDATE}, in username order so that two
 * changes never deadlock), then counts them: a concurrent change of another admin waits and
 * then sees the committed result.
 *
 * <p>Thread-safety: may be called from any thread; each call is one transaction.
 */
public final class SqlUserStore implements UserStore {

    /** One statement, so that a user and their regions come from the same moment. */
    private static final String SELECT = "SELECT u.username, u.user_role, u.password_hash,"
            + " r.region_id FROM app_user u LEFT JOIN app_user_region r ON r.username = u.username";

    private final DataSource dataSource;

    /**
     * Creates the store.
     *
     * @param dataSource the database, already migrated (see {@link Migrator}); a pool
     */
    public SqlUserStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public List<UserRow> users() {
        try {
            return Sql.transaction(dataSource, c -> {
                try (PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY u.username");
                        ResultSet rs = ps.executeQuery()) {
                    return Collections.unmodifiableList(rows(rs));
                }
            });
        } catch (SQLException e) {
            throw new StoreException("Could not read the users: " + Sql.reason(e), e);
        }
    }

    @Override
    public Optional<UserRow> user(String username) {
        Objects.requireNonNull(username, "username");
        try {
            return Sql.transaction(dataSource, c -> read(c, username));
        } catch (SQLException e) {
            throw new StoreException("Could not read user \"" + username + "\": " + Sql.reason(e), e);
        }
    }

    @Override
    public long userCount() {
        try {
            return Sql.transaction(dataSource, c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM app_user");
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
        } catch (SQLException e) {
            throw new StoreException("Could not count the users: " + Sql.reason(e), e);
        }
    }

    @Override
    public boolean insertUser(UserRow user, Instant at) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(at, "at");
        try {
            return Sql.transaction(dataSource, c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_user (username,"
                        + " user_role, password_hash, created_at, changed_at) VALUES (?, ?, ?, ?, ?)")) {
                    ps.setString(1, user.username());
                    ps.setString(2, user.role());
                    ps.setString(3, user.passwordHash());
                    ps.setObject(4, timestamp(at));
                    ps.setObject(5, timestamp(at));
                    ps.executeUpdate();
                }
                insertRegions(c, user.username(), user.regions());
                return true;
            });
        } catch (SQLException e) {
            if (Sql.isUniqueViolation(e)) {
                // another call, perhaps on another node, added the name first
                return false;
            }
            throw new StoreException("Could not add user \"" + user.username() + "\": "
                    + Sql.reason(e), e);
        }
    }

    @Override
    public Outcome updateUser(String username, String role, Set<String> regions, Instant at) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(at, "at");
        Set<String> newRegions = Set.copyOf(Objects.requireNonNull(regions, "regions"));
        try {
            return Sql.transaction(dataSource, c -> {
                List<String> admins = lockAdmins(c);
                if (!lockUser(c, username)) {
                    return Outcome.NOT_FOUND;
                }
                if (admins.equals(List.of(username)) && !ADMIN_ROLE.equals(role)) {
                    return Outcome.LAST_ADMIN;
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE app_user SET user_role = ?, changed_at = ? WHERE username = ?")) {
                    ps.setString(1, role);
                    ps.setObject(2, timestamp(at));
                    ps.setString(3, username);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM app_user_region WHERE username = ?")) {
                    ps.setString(1, username);
                    ps.executeUpdate();
                }
                insertRegions(c, username, newRegions);
                return Outcome.DONE;
            });
        } catch (SQLException e) {
            throw new StoreException("Could not change user \"" + username + "\": "
                    + Sql.reason(e), e);
        }
    }

    @Override
    public boolean setPasswordHash(String username, String passwordHash, Instant at) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(at, "at");
        try {
            return Sql.transaction(dataSource, c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE app_user"
                        + " SET password_hash = ?, changed_at = ? WHERE username = ?")) {
                    ps.setString(1, passwordHash);
                    ps.setObject(2, timestamp(at));
                    ps.setString(3, username);
                    if (ps.executeUpdate() == 0) {
                        return false;
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM user_session WHERE username = ?")) {
                    ps.setString(1, username);
                    ps.executeUpdate();
                }
                return true;
            });
        } catch (SQLException e) {
            throw new StoreException("Could not set the password of user \"" + username + "\": "
                    + Sql.reason(e), e);
        }
    }

    @Override
    public boolean rehash(String username, String expectedHash, String newHash) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(expectedHash, "expectedHash");
        Objects.requireNonNull(newHash, "newHash");
        try {
            return Sql.transaction(dataSource, c -> {
                // changed_at stays: the user did not change, only how the password is kept
                try (PreparedStatement ps = c.prepareStatement("UPDATE app_user"
                        + " SET password_hash = ? WHERE username = ? AND password_hash = ?")) {
                    ps.setString(1, newHash);
                    ps.setString(2, username);
                    ps.setString(3, expectedHash);
                    return ps.executeUpdate() == 1;
                }
            });
        } catch (SQLException e) {
            throw new StoreException("Could not store the new password hash of user \"" + username
                    + "\": " + Sql.reason(e), e);
        }
    }

    @Override
    public Outcome deleteUser(String username) {
        Objects.requireNonNull(username, "username");
        try {
            return Sql.transaction(dataSource, c -> {
                List<String> admins = lockAdmins(c);
                if (!lockUser(c, username)) {
                    return Outcome.NOT_FOUND;
                }
                if (admins.equals(List.of(username))) {
                    return Outcome.LAST_ADMIN;
                }
                // regions and sessions go with the user (ON DELETE CASCADE)
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM app_user WHERE username = ?")) {
                    ps.setString(1, username);
                    ps.executeUpdate();
                }
                return Outcome.DONE;
            });
        } catch (SQLException e) {
            throw new StoreException("Could not remove user \"" + username + "\": "
                    + Sql.reason(e), e);
        }
    }

    private static Optional<UserRow> read(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE u.username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rows(rs).stream().findFirst();
            }
        }
    }

    /** Users from rows of {@link #SELECT}, which has one row per region (or one without), grouped by user. */
    private static List<UserRow> rows(ResultSet rs) throws SQLException {
        Map<String, String[]> users = new LinkedHashMap<>();
        Map<String, Set<String>> regions = new HashMap<>();
        while (rs.next()) {
            String username = rs.getString(1);
            users.putIfAbsent(username, new String[] {rs.getString(2), rs.getString(3)});
            Set<String> own = regions.computeIfAbsent(username, u -> new HashSet<>());
            String region = rs.getString(4);
            if (region != null) {
                own.add(region);
            }
        }
        List<UserRow> rows = new ArrayList<>();
        users.forEach((username, fields) -> rows.add(
                new UserRow(username, fields[0], regions.get(username), fields[1])));
        return rows;
    }

    /** Locks the rows of all admins until the transaction ends; returns their names, sorted. */
    private static List<String> lockAdmins(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT username FROM app_user"
                + " WHERE user_role = ? ORDER BY username FOR UPDATE")) {
            ps.setString(1, ADMIN_ROLE);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> admins = new ArrayList<>();
                while (rs.next()) {
                    admins.add(rs.getString(1));
                }
                return admins;
            }
        }
    }

    /** Locks one user's row until the transaction ends; false if there is no such user. */
    private static boolean lockUser(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT username FROM app_user WHERE username = ? FOR UPDATE")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void insertRegions(Connection c, String username, Set<String> regions)
            throws SQLException {
        if (regions.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO app_user_region (username, region_id) VALUES (?, ?)")) {
            for (String region : regions) {
                ps.setString(1, username);
                ps.setString(2, region);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static OffsetDateTime timestamp(Instant at) {
        return OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
