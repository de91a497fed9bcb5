package nl.proeftuin.store.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database to the newest schema by applying versioned SQL scripts, each once, in
 * order, each in its own transaction, and records them in {@code schema_version}.
 *
 * <p>The scripts are resources named {@code V<n>__<description>.sql}. Bundle resources cannot
 * be listed portably, so {@code index.txt} in the same folder names them, one per line in the
 * order to apply ({@code #} starts a comment). A new migration is a new script plus a new last
 * line in the index; an applied script is never changed.
 *
 * <p>Several platform nodes may start at once on one PostgreSQL database: each migration
 * transaction first takes an exclusive lock on {@code schema_version}, then checks whether
 * another node applied that version meanwhile. H2 runs embedded and its file is locked by one
 * process, so there only threads of this JVM can race; a JVM-wide lock serialises them (H2
 * also commits DDL at once, so a table lock would not hold across a script).
 *
 * <p>Thread-safety: an instance may be used from any thread; concurrent {@link #migrate()} calls
 * are safe (see above).
 */
public final class Migrator {

    /** Where the store's own scripts are, relative to its class loader. */
    public static final String LOCATION = "db/migration/";

    private static final Pattern NAME = Pattern.compile("V([1-9][0-9]*)__([A-Za-z0-9_]+)\\.sql");
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();
    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

    private final DataSource dataSource;
    private final ClassLoader loader;
    private final String location;

    /**
     * One migration script.
     *
     * @param version its version, from 1
     * @param description what it does, from its name with underscores as spaces
     * @param resource the resource name, relative to the class loader
     */
    public record Migration(int version, String description, String resource) {
    }

    /**
     * What {@link #migrate()} found and did.
     *
     * @param version the schema version of the database afterwards (the highest applied)
     * @param applied the versions this call applied, in order; empty if the schema was current
     */
    public record Result(int version, List<Integer> applied) {
    }

    /**
     * Creates a migrator for scripts at any location, e.g. in tests.
     *
     * @param dataSource the database
     * @param loader the class loader to read the scripts and index from
     * @param location the folder of the scripts, ending in {@code /}, e.g.
     *     {@code "db/migration/"}
     */
    public Migrator(DataSource dataSource, ClassLoader loader, String location) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.location = Objects.requireNonNull(location, "location");
    }

    /**
     * A migrator for the store's own scripts.
     *
     * @param dataSource the database
     * @return the migrator
     */
    public static Migrator standard(DataSource dataSource) {
        return new Migrator(dataSource, Migrator.class.getClassLoader(), LOCATION);
    }

    /**
     * Reads the index and checks it: names well formed, versions strictly increasing, every
     * script present.
     *
     * @return the migrations in the order to apply
     * @throws IllegalStateException if the index or a script is missing or the index is wrong
     */
    public List<Migration> migrations() {
        String index = location + "index.txt";
        List<Migration> migrations = new ArrayList<>();
        int lineNumber = 0;
        for (String line : read(index).split("\n")) {
            lineNumber++;
            int comment = line.indexOf('#');
            String name = (comment < 0 ? line : line.substring(0, comment)).strip();
            if (name.isEmpty()) {
                continue;
            }
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                throw new IllegalStateException(index + " line " + lineNumber + ": \"" + name
                        + "\" is not a migration name like V3__add_region_index.sql");
            }
            int version = Integer.parseInt(m.group(1));
            if (!migrations.isEmpty() && version <= migrations.get(migrations.size() - 1)
                    .version()) {
                throw new IllegalStateException(index + " line " + lineNumber + ": V" + version
                        + " must come after V" + migrations.get(migrations.size() - 1).version()
                        + " (versions must increase)");
            }
            Migration migration = new Migration(version, m.group(2).replace('_', ' '),
                    location + name);
            read(migration.resource());
            migrations.add(migration);
        }
        return List.copyOf(migrations);
    }

    /**
     * Applies every migration the database lacks.
     *
     * @return the schema version afterwards and what was applied
     * @throws SQLException if the database fails; migrations applied before the failing one stay
     * @throws IllegalStateException if the index or a script is wrong
     */
    public Result migrate() throws SQLException {
        List<Migration> migrations = migrations();
        try (Connection connection = dataSource.getConnection()) {
            Dialect dialect = Dialect.of(connection);
            if (dialect == Dialect.H2) {
                IN_PROCESS.lock();
            }
            try {
                return migrate(connection, dialect, migrations);
            } finally {
                if (dialect == Dialect.H2) {
                    IN_PROCESS.unlock();
                }
            }
        }
    }

    private Result migrate(Connection connection, Dialect dialect, List<Migration> migrations)
            throws SQLException {
        createVersionTable(connection);
        List<Integer> applied = new ArrayList<>();
        for (Migration migration : migrations) {
            if (Sql.transaction(connection, c -> apply(c, dialect, migration))) {
                applied.add(migration.version());
            }
        }
        int version = version(connection);
        int known = migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
        if (version > known) {
            // a newer node migrated the shared database; older code keeps working on it because
            // migrations only add
            LOG.warn("The database has schema version {}, newer than this bundle knows ({})",
                    version, known);
        }
        return new Result(version, List.copyOf(applied));
    }

    private static void createVersionTable(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                    + "version INT NOT NULL PRIMARY KEY, "
                    + "description VARCHAR(200) NOT NULL, "
                    + "applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        } catch (SQLException e) {
            // on PostgreSQL two nodes creating the table at once can collide in the catalog even
            // with IF NOT EXISTS; what matters is that the table exists now
            if (!versionTableExists(connection)) {
                throw e;
            }
        }
    }

    private static boolean versionTableExists(Connection connection) {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM schema_version")) {
            return rs.next();
        } catch (SQLException e) {
            return false;
        }
    }

    private boolean apply(Connection c, Dialect dialect, Migration migration)
            throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            try (Statement s = c.createStatement()) {
                // held until commit: other nodes wait here, then see this version as applied
                s.execute("LOCK TABLE schema_version IN EXCLUSIVE MODE");
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM schema_version WHERE version = ?")) {
            ps.setInt(1, migration.version());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String statement : SqlScript.statements(read(migration.resource()))) {
                try {
                    s.execute(statement);
                } catch (SQLException e) {
                    throw new SQLException("Schema migration " + migration.resource()
                            + " failed: " + Sql.reason(e), e.getSQLState(), e);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO schema_version"
                + " (version, description, applied_at) VALUES (?, ?, ?)")) {
            ps.setInt(1, migration.version());
            ps.setString(2, migration.description());
            ps.setObject(3, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
            ps.executeUpdate();
        }
        return true;
    }

    private static int version(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private String read(String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Schema migration resource " + resource
                        + " is missing");
            }
            StringBuilder text = new StringBuilder();
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    text.append(line).append('\n');
                }
            }
            return text.toString();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read schema migration resource " + resource,
                    e);
        }
    }
}
