package nl.proeftuin.store.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import nl.proeftuin.store.StoreException;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * Choosing a JDBC driver and building the connection pool, kept apart from the DS component so
 * tests can use the same code without a framework.
 *
 * <p>Stateless; all methods may be called from any thread.
 */
public final class Databases {

    /**
     * H2 settings of the embedded database. {@code WRITE_DELAY=0}: H2 2.x keeps committed
     * changes in memory for up to 500 ms by default, so a killed process would lose
     * transactions already reported committed; with 0 every commit is written to the file before
     * it returns (an OS write, not an fsync: it survives a killed process, not a power cut).
     * {@code LOCK_TIMEOUT}: H2 waits only 1 s for a row another transaction holds, too short
     * while a large import runs.
     */
    static final String H2_SETTINGS = ";WRITE_DELAY=0;LOCK_TIMEOUT=10000";

    /** The pgjdbc setting that turns batched INSERTs into multi-row INSERTs. */
    static final String PG_REWRITE_BATCHES = "reWriteBatchedInserts";

    private Databases() {
    }

    /**
     * The URL of the embedded H2 database in a folder.
     *
     * @param folder the folder, e.g. {@code <proeftuin.data>/store}
     * @return {@code jdbc:h2:file:<absolute folder>/proeftuin} with the durability settings
     */
    public static String embeddedH2Url(Path folder) {
        return "jdbc:h2:file:" + folder.toAbsolutePath().normalize().resolve("proeftuin")
                + H2_SETTINGS;
    }

    /**
     * The driver class that serves a URL, as registered by the driver bundle in the
     * {@code osgi.jdbc.driver.class} service property.
     *
     * @param url a JDBC URL
     * @return {@code org.h2.Driver} or {@code org.postgresql.Driver}
     * @throws StoreException for any other kind of URL
     */
    public static String driverClass(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return "org.h2.Driver";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return "org.postgresql.Driver";
        }
        throw new StoreException("Unsupported JDBC URL " + redact(url)
                + ": the store runs on H2 (jdbc:h2:...) or PostgreSQL (jdbc:postgresql://...)");
    }

    /**
     * Picks the registered driver for a URL.
     *
     * @param url a JDBC URL
     * @param factories the registered {@link DataSourceFactory} services with their properties
     * @return the factory whose {@code osgi.jdbc.driver.class} matches the URL
     * @throws StoreException naming the bundle to install if there is none
     */
    public static DataSourceFactory chooseFactory(String url,
            List<? extends Map.Entry<Map<String, Object>, DataSourceFactory>> factories) {
        String driver = driverClass(url);
        for (Map.Entry<Map<String, Object>, DataSourceFactory> entry : factories) {
            if (driver.equals(entry.getKey().get(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS))) {
                return entry.getValue();
            }
        }
        String bundle = driver.equals("org.h2.Driver")
                ? "the H2 bundle (com.h2database)"
                : "the PostgreSQL driver bundle (org.postgresql.jdbc)";
        throw new StoreException("No JDBC driver for " + redact(url) + ": install " + bundle
                + ", and the org.osgi.service.jdbc bundle that lets it register its driver");
    }

    /**
     * Creates an unpooled data source through a driver's factory. For PostgreSQL, batched
     * inserts are rewritten to multi-row inserts unless the URL says otherwise.
     *
     * @param factory the driver's factory
     * @param url the JDBC URL
     * @param user the user, or empty for none
     * @param password the password, or empty for none
     * @return the data source
     * @throws StoreException if the driver rejects the settings
     */
    public static DataSource dataSource(DataSourceFactory factory, String url, String user,
            String password) {
        Properties properties = new Properties();
        properties.setProperty(DataSourceFactory.JDBC_URL, url);
        if (!user.isEmpty()) {
            properties.setProperty(DataSourceFactory.JDBC_USER, user);
        }
        if (!password.isEmpty()) {
            properties.setProperty(DataSourceFactory.JDBC_PASSWORD, password);
        }
        if (url.startsWith("jdbc:postgresql:") && !url.contains(PG_REWRITE_BATCHES)) {
            // pgjdbc then sends a batch of INSERTs as multi-row INSERTs: about twice as fast for
            // bulk imports; the store does not use the per-row counts this gives up
            properties.setProperty(PG_REWRITE_BATCHES, "true");
        }
        try {
            return factory.createDataSource(properties);
        } catch (SQLException e) {
            throw new StoreException("The JDBC driver rejects the settings for " + redact(url)
                    + ": " + Sql.reason(e), e);
        }
    }

    /**
     * Wraps a data source in a connection pool and opens the first connection, so that a wrong
     * URL or password fails here, with a clear message, rather than on first use.
     *
     * @param dataSource the unpooled data source
     * @param url the URL, for messages only
     * @param maxSize the most connections the pool opens, at least 1
     * @return the pool; close it to close all connections
     * @throws IllegalArgumentException if {@code maxSize} is below 1
     * @throws StoreException if the database cannot be reached
     */
    public static HikariDataSource pool(DataSource dataSource, String url, int maxSize) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("pool.maxSize must be at least 1, got " + maxSize);
        }
        HikariConfig config = new HikariConfig();
        config.setDataSource(dataSource);
        config.setPoolName("proeftuin-store");
        config.setMaximumPoolSize(maxSize);
        // idle connections only cost memory for H2; for PostgreSQL keep a few ready
        config.setMinimumIdle(Math.min(2, maxSize));
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String reason = cause instanceof SQLException sql ? Sql.reason(sql)
                    : String.valueOf(cause.getMessage());
            throw new StoreException("Cannot connect to " + redact(url) + ": " + reason, e);
        }
    }

    /**
     * A URL fit for logs and messages: password parameters are replaced by {@code ***}.
     *
     * @param url a JDBC URL
     * @return the URL without passwords
     */
    public static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }
}
