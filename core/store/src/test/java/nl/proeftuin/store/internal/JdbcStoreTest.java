package nl.proeftuin.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.AbstractMap.SimpleEntry;
import java.util.List;
import java.util.Map;
import nl.proeftuin.api.model.Lesson;
import nl.proeftuin.api.model.Measurement;
import nl.proeftuin.api.model.Theme;
import nl.proeftuin.store.RecordResult;
import nl.proeftuin.store.StoreException;
import org.h2.Driver;
import org.h2.util.OsgiDataSourceFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.service.jdbc.DataSourceFactory;
import org.postgresql.osgi.PGDataSourceFactory;

/**
 * The DS component without a framework: its configuration, driver choice, embedded default and
 * failure messages. The OSGi objects are plain stand-ins built from proxies.
 */
class JdbcStoreTest {

    @TempDir
    Path temp;

    private static final Map.Entry<Map<String, Object>, DataSourceFactory> H2 = new SimpleEntry<>(
            Map.of(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS, "org.h2.Driver"),
            new OsgiDataSourceFactory(Driver.load()));
    private static final Map.Entry<Map<String, Object>, DataSourceFactory> POSTGRES =
            new SimpleEntry<>(Map.of(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS,
                    "org.postgresql.Driver"), new PGDataSourceFactory());

    @Test
    void usesAnEmbeddedH2DatabaseInTheDataFolderByDefaultAndKeepsItsData() {
        BundleContext context = context(temp.toString());
        JdbcStore store = new JdbcStore(config(Map.of()), context, List.of(POSTGRES, H2));
        try {
            assertThat(store.record(List.of(new Measurement("k", LocalDate.parse("2024-01-31"),
                    1, "test")), "anna")).isEqualTo(new RecordResult(1, 0));
            store.add(new Lesson("les", "zeeland", null, Theme.WONEN, "Titel", "Tekst", null,
                    LocalDate.parse("2024-01-01")));
        } finally {
            store.deactivate();
        }
        assertThat(temp.resolve("store/proeftuin.mv.db")).exists();

        JdbcStore again = new JdbcStore(config(Map.of()), context, List.of(H2));
        try {
            assertThat(again.count()).isEqualTo(1);
            assertThat(again.measurements(List.of("k")).get("k")).hasSize(1);
            assertThat(again.lesson("les")).isPresent();
        } finally {
            again.deactivate();
        }
    }

    @Test
    void theEmbeddedUrlCarriesTheDurabilitySettings() {
        assertThat(Databases.embeddedH2Url(temp)).isEqualTo("jdbc:h2:file:"
                + temp.toAbsolutePath().resolve("proeftuin") + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000");
    }

    @Test
    void failsClearlyWhenThePostgresDriverIsMissing() {
        var config = config(Map.of("jdbc_url",
                "jdbc:postgresql://db.example:5432/proeftuin?password=geheim"));

        assertThatThrownBy(() -> new JdbcStore(config, context(temp.toString()), List.of(H2)))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("No JDBC driver for"
                        + " jdbc:postgresql://db.example:5432/proeftuin?password=***: install the"
                        + " PostgreSQL driver bundle (org.postgresql.jdbc)")
                .hasMessageNotContaining("geheim");
    }

    @Test
    void failsClearlyWhenTheH2DriverIsMissing() {
        assertThatThrownBy(() -> new JdbcStore(config(Map.of()), context(temp.toString()),
                List.of()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("No JDBC driver for jdbc:h2:file:")
                .hasMessageContaining("install the H2 bundle (com.h2database)");
    }

    @Test
    void refusesOtherDatabases() {
        var config = config(Map.of("jdbc_url", "jdbc:mysql://db/proeftuin"));

        assertThatThrownBy(() -> new JdbcStore(config, context(temp.toString()), List.of(H2)))
                .isInstanceOf(StoreException.class)
                .hasMessage("Unsupported JDBC URL jdbc:mysql://db/proeftuin: the store runs on H2"
                        + " (jdbc:h2:...) or PostgreSQL (jdbc:postgresql://...)");
    }

    @Test
    void failsClearlyWhenTheDatabaseCannotBeReached() {
        // port 9 (discard) on localhost: nothing listens, the connection is refused at once
        var config = config(Map.of("jdbc_url", "jdbc:postgresql://127.0.0.1:9/proeftuin",
                "jdbc_user", "proeftuin", "jdbc_password", "geheim"));

        assertThatThrownBy(() -> new JdbcStore(config, context(temp.toString()),
                List.of(H2, POSTGRES)))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Cannot connect to jdbc:postgresql://127.0.0.1:9/proeftuin:")
                .hasMessageNotContaining("geheim");
    }

    @Test
    void rejectsAnEmptyPool() {
        var config = config(Map.of("pool_maxSize", 0));

        assertThatThrownBy(() -> new JdbcStore(config, context(temp.toString()), List.of(H2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pool.maxSize must be at least 1, got 0");
    }

    @Test
    void keepsPasswordsOutOfUrlsItShows() {
        assertThat(Databases.redact("jdbc:postgresql://h/db?user=a&password=s3cr3t&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=a&password=***&ssl=true");
        assertThat(Databases.redact("jdbc:h2:file:/x;USER=a;PASSWORD=s3cr3t;WRITE_DELAY=0"))
                .isEqualTo("jdbc:h2:file:/x;USER=a;PASSWORD=***;WRITE_DELAY=0");
    }

    @Test
    void fallsBackToTheDataFolderInTheWorkingDirectory() {
        assertThat(JdbcStore.embeddedFolder(null)).isEqualTo(Path.of("data", "store"));
        assertThat(JdbcStore.embeddedFolder(" ")).isEqualTo(Path.of("data", "store"));
        assertThat(JdbcStore.embeddedFolder("/srv/proeftuin/data"))
                .isEqualTo(Path.of("/srv/proeftuin/data/store"));
    }

    /** A configuration with the defaults of {@link JdbcStore.Config}, some overridden. */
    static JdbcStore.Config config(Map<String, Object> overrides) {
        return (JdbcStore.Config) Proxy.newProxyInstance(JdbcStore.Config.class.getClassLoader(),
                new Class<?>[] {JdbcStore.Config.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "config " + overrides
                                : method.getName().equals("hashCode") ? 0 : proxy == args[0];
                    }
                    return overrides.getOrDefault(method.getName(), method.getDefaultValue());
                });
    }

    /** A bundle context that answers only the framework property the store reads. */
    static BundleContext context(String dataFolder) {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty")
                            && JdbcStore.DATA_PROPERTY.equals(args[0])) {
                        return dataFolder;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
