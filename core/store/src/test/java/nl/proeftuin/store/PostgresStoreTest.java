package nl.proeftuin.store;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import nl.proeftuin.store.internal.Databases;
import org.postgresql.osgi.PGDataSourceFactory;

/**
 * The store on PostgreSQL, when {@code PROEFTUIN_TEST_PG_URL} (with
 * {@code PROEFTUIN_TEST_PG_USER} and {@code PROEFTUIN_TEST_PG_PASSWORD}) names a database. Each
 * test database is a fresh schema with a random name, dropped afterwards, so runs never meet.
 * Without the URL the tests are skipped, except in CI ({@code CI=true}) where they fail: CI must
 * never pass without them.
 */
class PostgresStoreTest extends StoreContract {

    private static String url;
    private static String user;
    private static String password;

    private final List<String> schemas = new ArrayList<>();

    /**
     * Skips (or, in CI, fails) the calling test when no PostgreSQL is configured. Called from
     * {@link #newDatabase()}, which every test reaches through the contract's set-up, so each
     * test is reported on its own rather than the class vanishing from the counts.
     */
    private static void requirePostgres() {
        url = env("PROEFTUIN_TEST_PG_URL");
        user = env("PROEFTUIN_TEST_PG_USER");
        password = env("PROEFTUIN_TEST_PG_PASSWORD");
        if (url.isEmpty()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("PROEFTUIN_TEST_PG_URL is not set but CI=true: the PostgreSQL tests must run"
                        + " in CI. Start PostgreSQL and set PROEFTUIN_TEST_PG_URL"
                        + " (jdbc:postgresql://host:port/db), PROEFTUIN_TEST_PG_USER and"
                        + " PROEFTUIN_TEST_PG_PASSWORD.");
            }
            assumeTrue(false, "PROEFTUIN_TEST_PG_URL is not set: PostgreSQL test skipped");
        }
    }

    @Override
    DataSource newDatabase() throws SQLException {
        requirePostgres();
        String schema = "proeftuin_test_" + UUID.randomUUID().toString().replace("-", "")
                .substring(0, 12);
        try (Connection c = admin().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        schemas.add(schema);
        String separator = url.contains("?") ? "&" : "?";
        return Databases.dataSource(new PGDataSourceFactory(),
                url + separator + "currentSchema=" + schema, user, password);
    }

    @Override
    void dropDatabases() throws SQLException {
        if (schemas.isEmpty()) {
            return;
        }
        try (Connection c = admin().getConnection(); Statement s = c.createStatement()) {
            for (String schema : schemas) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
        schemas.clear();
    }

    private static DataSource admin() {
        return Databases.dataSource(new PGDataSourceFactory(), url, user, password);
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value.strip();
    }
}
