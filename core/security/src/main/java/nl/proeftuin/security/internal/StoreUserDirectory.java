package nl.proeftuin.security.internal;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.proeftuin.security.AuditLog;
import nl.proeftuin.security.User;
import nl.proeftuin.security.UserDirectory;
import nl.proeftuin.security.UserException;
import nl.proeftuin.store.UserStore;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The {@link UserDirectory} in the store's database. At activation it starts making sure there is
 * an admin ({@link InitialAdmin}) in the background: that costs slow password hashes, and the
 * platform's start should not wait for them ({@link AdminBootstrap} holds up checks of the
 * admin's password meanwhile). Every change forgets the successes the {@link LoginCache}
 * remembers on this node and is written to the {@link AuditLog}.
 *
 * <p>Thread-safety: may be called from any thread, concurrently; each change is one transaction.
 */
@Component(service = UserDirectory.class, configurationPid = SecurityConfig.PID, immediate = true)
@Designate(ocd = SecurityConfig.class)
public final class StoreUserDirectory implements UserDirectory {

    /** The longest password accepted, in characters: enough for any passphrase. */
    static final int MAXIMUM_PASSWORD_LENGTH = 1024;

    /** Framework property with the platform's data folder, set by the launcher. */
    static final String DATA_PROPERTY = "proeftuin.data";

    private final UserStore users;
    private final AuditLog audit;
    private final LoginCache cache;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final InitialAdmin initialAdmin;
    private AdminBootstrap bootstrap;

    /**
     * The component: starts making sure there is an admin, in the background.
     *
     * @param config the configuration
     * @param context for the framework properties {@code proeftuin.data} and
     *     {@code proeftuin.admin.password}
     * @param users where users are kept
     * @param audit where changes go
     * @param cache the successful logins remembered on this node, forgotten on every change
     * @param bootstrap marked settled once the admin is made sure of
     */
    @Activate
    public StoreUserDirectory(SecurityConfig config, BundleContext context,
            @Reference(name = "users") UserStore users,
            @Reference(name = "audit") AuditLog audit,
            @Reference(name = "cache") LoginCache cache,
            @Reference(name = "bootstrap") AdminBootstrap bootstrap) {
        this(users, audit, cache, PasswordHasher.of(config, new SecureRandom()), Clock.systemUTC(),
                new SecureRandom(), passwordFile(context.getProperty(DATA_PROPERTY)));
        var configured = InitialAdmin.configured(System.getenv(InitialAdmin.ENVIRONMENT_VARIABLE),
                context.getProperty(InitialAdmin.FRAMEWORK_PROPERTY));
        this.bootstrap = bootstrap;
        bootstrap.settleInBackground(() -> settleAdmin(configured));
    }

    /**
     * Makes sure there is an admin (see {@link InitialAdmin}) and, with a configured password, remembers it as a
     * successful login: the check just cost a PBKDF2 hash, and the first request as admin would pay another.
     *
     * @param configured the configured password, or empty
     */
    void settleAdmin(Optional<InitialAdmin.Configured> configured) {
        initialAdmin.ensure(configured);
        if (configured.isPresent()) {
            users.user(User.ADMIN).ifPresent(row -> cache.remember(User.ADMIN, configured.get().password(),
                    UserRows.user(row)));
        }
    }

    /** The platform stops (or the store went away) while the admin may still be being settled. */
    @Deactivate
    void deactivate() {
        if (bootstrap != null) {
            bootstrap.stopping();
        }
    }

    /**
     * For tests: does not make sure there is an admin; call {@link #initialAdmin()} for that.
     *
     * @param users where users are kept
     * @param audit where changes go
     * @param cache the successful logins remembered
     * @param hasher the password hashing
     * @param clock the time
     * @param random the source of a generated admin password
     * @param passwordFile where a generated admin password is written
     */
    StoreUserDirectory(UserStore users, AuditLog audit, LoginCache cache, PasswordHasher hasher, Clock clock,
            SecureRandom random, Path passwordFile) {
        this.users = Objects.requireNonNull(users, "users");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.initialAdmin = new InitialAdmin(users, audit, hasher, clock, random, passwordFile);
    }

    /**
     * The file a generated admin password goes to.
     *
     * @param data the {@code proeftuin.data} framework property, or {@code null}
     * @return {@code <data>/initial-admin-password}, with {@code data} (relative to the working
     *     directory) when the property is unset, as the store does
     */
    static Path passwordFile(String data) {
        return Path.of(data == null || data.isBlank() ? "data" : data.strip(), InitialAdmin.FILE_NAME);
    }

    /**
     * What makes sure there is an admin.
     *
     * @return the initial admin of this directory
     */
    InitialAdmin initialAdmin() {
        return initialAdmin;
    }

    @Override
    public List<User> users() {
        return users.users().stream().map(UserRows::user).toList();
    }

    @Override
    public Optional<User> user(String username) {
        Objects.requireNonNull(username, "username");
        return users.user(UserRows.normalise(username)).map(UserRows::user);
    }

    @Override
    public User create(User user, String password, String actor) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(actor, "actor");
        checkPassword(user.username(), password);
        if (!users.insertUser(UserRows.row(user, hasher.hash(password)), clock.instant())) {
            throw new UserException(UserException.Reason.DUPLICATE, "User \"" + user.username()
                    + "\" exists already; choose another username");
        }
        cache.forgetAll();
        audit.record(actor, AuditLog.USER_CREATE, user.username(), describe(user));
        return user;
    }

    @Override
    public User update(User user, String actor) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(actor, "actor");
        switch (users.updateUser(user.username(), user.role().id(), user.regions(), clock.instant())) {
            case NOT_FOUND -> throw notFound(user.username());
            case LAST_ADMIN -> throw new UserException(UserException.Reason.LAST_ADMIN, "User \""
                    + user.username() + "\" is the last admin and must stay admin; make another user"
                    + " admin first");
            case DONE -> {
                cache.forgetAll();
                audit.record(actor, AuditLog.USER_UPDATE, user.username(), describe(user));
            }
        }
        return user;
    }

    @Override
    public void setPassword(String username, String password, String actor) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(actor, "actor");
        String name = UserRows.normalise(username);
        checkPassword(name, password);
        if (!users.setPasswordHash(name, hasher.hash(password), clock.instant())) {
            throw notFound(name);
        }
        cache.forgetAll();
        audit.record(actor, AuditLog.USER_PASSWORD, name, "all sessions of the user ended");
        if (name.equals(User.ADMIN)) {
            initialAdmin.forgetPasswordFile();
        }
    }

    @Override
    public void delete(String username, String actor) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(actor, "actor");
        String name = UserRows.normalise(username);
        switch (users.deleteUser(name)) {
            case NOT_FOUND -> throw notFound(name);
            case LAST_ADMIN -> throw new UserException(UserException.Reason.LAST_ADMIN, "User \"" + name
                    + "\" is the last admin and cannot be removed; make another user admin first");
            case DONE -> {
                cache.forgetAll();
                audit.record(actor, AuditLog.USER_DELETE, name, "all sessions of the user ended");
            }
        }
    }

    private static void checkPassword(String username, String password) {
        int length = password.codePointCount(0, password.length());
        if (length < MINIMUM_PASSWORD_LENGTH) {
            throw new UserException(UserException.Reason.INVALID, "The password of user \"" + username
                    + "\" is too short: " + length + " characters (expected at least "
                    + MINIMUM_PASSWORD_LENGTH + ")");
        }
        if (length > MAXIMUM_PASSWORD_LENGTH) {
            throw new UserException(UserException.Reason.INVALID, "The password of user \"" + username
                    + "\" is too long: " + length + " characters (expected at most "
                    + MAXIMUM_PASSWORD_LENGTH + ")");
        }
    }

    private static UserException notFound(String username) {
        return new UserException(UserException.Reason.NOT_FOUND, "There is no user \"" + username + "\"");
    }

    /** The role and regions, for the audit log: "role editor, regions groningen, zeeland". */
    private static String describe(User user) {
        return "role " + user.role().id() + (user.regions().isEmpty() ? ""
                : ", regions " + user.regions().stream().sorted().collect(Collectors.joining(", ")));
    }
}
