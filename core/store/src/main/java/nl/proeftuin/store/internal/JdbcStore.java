package nl.proeftuin.store.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.proeftuin.api.model.Lesson;
import nl.proeftuin.api.model.Measurement;
import nl.proeftuin.store.AuditRow;
import nl.proeftuin.store.AuditStore;
import nl.proeftuin.store.LessonStore;
import nl.proeftuin.store.MeasurementStore;
import nl.proeftuin.store.RecordResult;
import nl.proeftuin.store.SessionRow;
import nl.proeftuin.store.SessionStore;
import nl.proeftuin.store.StoreException;
import nl.proeftuin.store.UserRow;
import nl.proeftuin.store.UserStore;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store component: opens the configured database through a registered JDBC driver, brings
 * its schema up to date and offers {@link MeasurementStore}, {@link LessonStore}, and for the
 * security bundle {@link UserStore}, {@link SessionStore} and {@link AuditStore}, all on one
 * connection pool.
 *
 * <p>The driver comes from the {@link DataSourceFactory} services the H2 and PostgreSQL bundles
 * register. The reference is static and greedy, so a driver bundle installed later (or a new
 * configuration) restarts the component with it. If the driver the URL needs is missing,
 * activation fails with a message naming the bundle to install.
 *
 * <p>Thread-safety: all service methods may be called from any thread; each call is one
 * transaction on a connection from the pool.
 */
@Component(name = "nl.proeftuin.store", configurationPid = "nl.proeftuin.store",
        service = {MeasurementStore.class, LessonStore.class, UserStore.class,
                SessionStore.class, AuditStore.class},
        immediate = true)
@Designate(ocd = JdbcStore.Config.class)
public final class JdbcStore implements MeasurementStore, LessonStore, UserStore, SessionStore,
        AuditStore {

    /** The configuration, PID {@code nl.proeftuin.store}. */
    @ObjectClassDefinition(name = "Proeftuin store",
            description = "The database of measurements, lessons, users, sessions and the audit log:"
                    + " embedded H2 by default,"
                    + " or PostgreSQL shared by several platform nodes.")
    public @interface Config {

        /**
         * The JDBC URL.
         *
         * @return the URL, or empty for the embedded H2 database in the data folder
         */
        @AttributeDefinition(name = "JDBC URL", required = false,
                description = "Empty: embedded H2 database in <data>/store. For PostgreSQL:"
                        + " jdbc:postgresql://host:5432/database")
        String jdbc_url() default "";

        /**
         * The database user.
         *
         * @return the user, or empty for none
         */
        @AttributeDefinition(name = "User", required = false)
        String jdbc_user() default "";

        /**
         * The database password.
         *
         * @return the password, or empty for none
         */
        @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
        String jdbc_password() default "";

        /**
         * The largest number of connections to keep open.
         *
         * @return at least 1
         */
        @AttributeDefinition(name = "Maximum pool size", min = "1")
        int pool_maxSize() default 8;
    }

    /** Framework property with the platform's data folder, set by the launcher. */
    static final String DATA_PROPERTY = "proeftuin.data";

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);

    private final HikariDataSource pool;
    private final SqlMeasurementStore measurements;
    private final SqlLessonStore lessons;
    private final SqlUserStore users;
    private final SqlSessionStore sessions;
    private final SqlAuditStore audit;

    /**
     * Opens the database, migrates its schema and logs which database and version it uses.
     *
     * @param config the configuration
     * @param context the bundle context, for the {@code proeftuin.data} framework property
     * @param dataSourceFactories the registered JDBC drivers with their service properties
     * @throws StoreException if the driver is missing or the database cannot be opened or
     *     migrated
     */
    @Activate
    public JdbcStore(Config config, BundleContext context,
            @Reference(name = "dataSourceFactories", service = DataSourceFactory.class,
                    cardinality = ReferenceCardinality.MULTIPLE,
                    policy = ReferencePolicy.STATIC,
                    policyOption = ReferencePolicyOption.GREEDY)
            List<Map.Entry<Map<String, Object>, DataSourceFactory>> dataSourceFactories) {
        String url = config.jdbc_url().strip();
        if (url.isEmpty()) {
            url = Databases.embeddedH2Url(embeddedFolder(context));
        }
        DataSourceFactory factory = Databases.chooseFactory(url, dataSourceFactories);
        this.pool = Databases.pool(Databases.dataSource(factory, url, config.jdbc_user(),
                config.jdbc_password()), url, config.pool_maxSize());
        if (url.startsWith("jdbc:h2:")) {
            finishInterruptedCommits(url);
        }
        try {
            Migrator.Result schema = Migrator.standard(pool).migrate();
            LOG.info("Store uses {} (schema version {}{})", Databases.redact(url),
                    schema.version(), schema.applied().isEmpty() ? ""
                            : ", migrations applied now: " + schema.applied());
        } catch (SQLException | RuntimeException e) {
            pool.close();
            String reason = e instanceof SQLException sql ? Sql.reason(sql) : e.getMessage();
            throw new StoreException("Cannot bring the schema of " + Databases.redact(url)
                    + " up to date: " + reason, e);
        }
        this.measurements = new SqlMeasurementStore(pool, Clock.systemUTC());
        this.lessons = new SqlLessonStore(pool, Clock.systemUTC());
        this.users = new SqlUserStore(pool);
        this.sessions = new SqlSessionStore(pool);
        this.audit = new SqlAuditStore(pool);
    }

    /** See {@link H2Recovery}; must run before anything else uses the database. */
    private void finishInterruptedCommits(String url) {
        try {
            int finished = H2Recovery.finishInterruptedCommits(pool);
            if (finished > 0) {
                LOG.warn("Finished {} transaction(s) H2 was committing when the platform was"
                        + " stopped; H2 itself would have left them half applied", finished);
            }
        } catch (SQLException | RuntimeException e) {
            pool.close();
            if (e instanceof StoreException store) {
                throw store;
            }
            String reason = e instanceof SQLException sql ? Sql.reason(sql) : e.toString();
            throw new StoreException("Cannot open " + Databases.redact(url) + ": " + reason, e);
        }
    }

    /** Closes the pool and with it every connection (for H2, the database file). */
    @Deactivate
    void deactivate() {
        pool.close();
    }

    /**
     * The folder of the embedded database.
     *
     * @param data the {@code proeftuin.data} framework property, or {@code null} if unset
     * @return {@code <data>/store}, or {@code data/store} (relative to the working directory)
     *     when the property is unset or blank
     */
    static Path embeddedFolder(String data) {
        return Path.of(data == null || data.isBlank() ? "data" : data.strip(), "store");
    }

    private static Path embeddedFolder(BundleContext context) {
        Path folder = embeddedFolder(context.getProperty(DATA_PROPERTY));
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StoreException("Cannot create the database folder "
                    + folder.toAbsolutePath() + ": " + e, e);
        }
        return folder;
    }

    @Override
    public RecordResult record(List<Measurement> measurements, String recordedBy) {
        return this.measurements.record(measurements, recordedBy);
    }

    @Override
    public List<Measurement> measurements(String kpiId, LocalDate from, LocalDate to) {
        return measurements.measurements(kpiId, from, to);
    }

    @Override
    public Map<String, List<Measurement>> measurements(Collection<String> kpiIds) {
        return measurements.measurements(kpiIds);
    }

    @Override
    public boolean importOnce(String importKey, List<Measurement> measurements,
            String recordedBy) {
        return this.measurements.importOnce(importKey, measurements, recordedBy);
    }

    @Override
    public long count() {
        return measurements.count();
    }

    @Override
    public List<Lesson> lessons() {
        return lessons.lessons();
    }

    @Override
    public Lesson add(Lesson lesson) {
        return lessons.add(lesson);
    }

    @Override
    public Optional<Lesson> lesson(String id) {
        return lessons.lesson(id);
    }

    @Override
    public List<UserRow> users() {
        return users.users();
    }

    @Override
    public Optional<UserRow> user(String username) {
        return users.user(username);
    }

    @Override
    public long userCount() {
        return users.userCount();
    }

    @Override
    public boolean insertUser(UserRow user, Instant at) {
        return users.insertUser(user, at);
    }

    @Override
    public Outcome updateUser(String username, String role, Set<String> regions, Instant at) {
        return users.updateUser(username, role, regions, at);
    }

    @Override
    public boolean setPasswordHash(String username, String passwordHash, Instant at) {
        return users.setPasswordHash(username, passwordHash, at);
    }

    @Override
    public boolean rehash(String username, String expectedHash, String newHash) {
        return users.rehash(username, expectedHash, newHash);
    }

    @Override
    public Outcome deleteUser(String username) {
        return users.deleteUser(username);
    }

    @Override
    public void insertSession(SessionRow session) {
        sessions.insertSession(session);
    }

    @Override
    public Optional<SessionRow> session(String tokenDigest) {
        return sessions.session(tokenDigest);
    }

    @Override
    public boolean touchSession(String tokenDigest, Instant expires) {
        return sessions.touchSession(tokenDigest, expires);
    }

    @Override
    public boolean deleteSession(String tokenDigest) {
        return sessions.deleteSession(tokenDigest);
    }

    @Override
    public int deleteExpiredSessions(Instant now) {
        return sessions.deleteExpiredSessions(now);
    }

    @Override
    public AuditRow append(Instant at, String actor, String action, String target, String detail) {
        return audit.append(at, actor, action, target, detail);
    }

    @Override
    public List<AuditRow> auditEntries(int limit, Long beforeId, String actor, String action) {
        return audit.auditEntries(limit, beforeId, actor, action);
    }
}
