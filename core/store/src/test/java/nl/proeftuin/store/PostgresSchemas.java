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
 * Throw-away databases on the PostgreSQL that {@code PROEFTUIN_TEST_PG_URL} (with
 * {@code PROEFTUIN_TEST_PG_USER} and {@code PROEFTUIN_TEST_PG_PASSWORD}) names: each is a fresh
 * schema with a random name, dropped by {@link #dropAll()}, so runs never meet. Without the URL
 * the calling test is skipped, except in CI ({@code CI=true}) where it fails: CI must never pass
 * without PostgreSQL.
 */
final class PostgresSchemas {

    private final List<String> schemas = new ArrayList<>();
    private String url;
    private String user;
    private String password;

    /**
     * A new, empty database (no tables). Skips (or, in CI, fails) the calling test when no
     * PostgreSQL is configured, so each test is reported on its own rather than the class
     * vanishing from the counts.
     *
     * @return an unpooled data source on a new schema
     * @throws SQLException if the schema cannot be created
     */
    DataSource newDatabase() throws SQLException {
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

    /**
     * Drops every schema {@link #newDatabase()} made; call after all pools on them are closed.
     *
     * @throws SQLException if a schema cannot be dropped
     */
    void dropAll() throws SQLException {
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

    private DataSource admin() {
        return Databases.dataSource(new PGDataSourceFactory(), url, user, password);
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value.strip();
    }
}
