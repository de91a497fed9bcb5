package nl.proeftuin.security.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import nl.proeftuin.security.AuditLog;
import nl.proeftuin.security.Authenticator;
import nl.proeftuin.security.LoginResult;
import nl.proeftuin.security.User;
import nl.proeftuin.security.UserDirectory;
import nl.proeftuin.store.StoreException;
import nl.proeftuin.store.UserRow;
import nl.proeftuin.store.UserStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Authenticator}: PBKDF2 password checks against the {@link UserStore}, throttling of
 * failed attempts per username and per client address ({@link LoginThrottle}, in memory per
 * node), and a short-lived cache of successes ({@link LoginCache}).
 *
 * <p>A success resets the count of the username only: the client address stays counted, so
 * that an attacker who owns one valid account cannot reset the count of the address they guess
 * other accounts' passwords from. Counts are kept in memory, per node.
 *
 * <p>An unknown username costs one hash all the same, so that the time taken does not tell which
 * users exist. A stored hash with fewer iterations than configured is replaced after a
 * successful check.
 *
 * <p>Thread-safety: may be called from any thread, concurrently.
 */
@Component(service = Authenticator.class, configurationPid = SecurityConfig.PID)
public final class PasswordAuthenticator implements Authenticator {

    /** Longer passwords (in chars; a code point takes at most two) are refused without hashing: none was ever accepted. */
    static final int MAX_PASSWORD_LENGTH = 2 * StoreUserDirectory.MAXIMUM_PASSWORD_LENGTH;

    private static final Logger LOG = LoggerFactory.getLogger(PasswordAuthenticator.class);

    private final UserStore users;
    private final AuditLog audit;
    private final LoginCache cache;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final AdminBootstrap bootstrap;

    /**
     * The component.
     *
     * @param config the configuration
     * @param users where users and hashes are kept
     * @param audit where failures go
     * @param cache the successes remembered on this node
     * @param directory not called: referenced so that this service appears only once the
     *     directory has started making sure an admin exists
     * @param bootstrap holds up checks of the admin's password until that is done
     */
    @Activate
    public PasswordAuthenticator(SecurityConfig config,
            @Reference(name = "users") UserStore users,
            @Reference(name = "audit") AuditLog audit,
            @Reference(name = "cache") LoginCache cache,
            @Reference(name = "directory") UserDirectory directory,
            @Reference(name = "bootstrap") AdminBootstrap bootstrap) {
        this(users, audit, cache, PasswordHasher.of(config, new SecureRandom()),
                new LoginThrottle(config.failuresBeforeThrottle(),
                        Duration.ofSeconds(config.maxThrottleSeconds()), Clock.systemUTC()), bootstrap);
    }

    /**
     * For tests.
     *
     * @param users where users and hashes are kept
     * @param audit where failures go
     * @param cache the successes remembered
     * @param hasher the password hashing
     * @param throttle the failure counts
     * @param bootstrap whether the initial admin is settled
     */
    PasswordAuthenticator(UserStore users, AuditLog audit, LoginCache cache, PasswordHasher hasher,
            LoginThrottle throttle, AdminBootstrap bootstrap) {
        this.bootstrap = Objects.requireNonNull(bootstrap, "bootstrap");
        this.users = Objects.requireNonNull(users, "users");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
    }

    @Override
    public LoginResult authenticate(String username, String password, String clientAddress) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(clientAddress, "clientAddress");
        String name = UserRows.normalise(username);
        String nameKey = "user:" + name;
        String addressKey = "address:" + clientAddress;

        Optional<Duration> wait = longer(throttle.wait(nameKey), throttle.wait(addressKey));
        if (wait.isPresent()) {
            Duration retryAfter = wait.get();
            audit.record(name, AuditLog.LOGIN_FAILED, "", "throttled for another "
                    + seconds(retryAfter) + " s (too many failed logins), from " + clientAddress);
            return new LoginResult.Throttled(retryAfter);
        }
        bootstrap.awaitFor(name);
        Optional<User> remembered = cache.find(name, password);
        if (remembered.isPresent()) {
            throttle.succeeded(nameKey);
            return new LoginResult.Success(remembered.get());
        }
        Optional<User> user = cache.checkOnce(name, password, () -> check(name, password));
        if (user.isEmpty()) {
            throttle.failed(nameKey);
            throttle.failed(addressKey);
            audit.record(name, AuditLog.LOGIN_FAILED, "", "wrong username or password, from "
                    + clientAddress);
            return new LoginResult.Refused();
        }
        throttle.succeeded(nameKey);
        cache.remember(name, password, user.get());
        return new LoginResult.Success(user.get());
    }

    /** The user if the password is right; always costs one hash, whether the user exists or not. */
    private Optional<User> check(String name, String password) {
        if (password.length() > MAX_PASSWORD_LENGTH) {
            return Optional.empty();
        }
        Optional<UserRow> row = users.user(name);
        if (row.isEmpty()) {
            hasher.verifyDummy(password);
            return Optional.empty();
        }
        String stored = row.get().passwordHash();
        if (!hasher.verify(password, stored)) {
            return Optional.empty();
        }
        if (hasher.needsRehash(stored)) {
            rehash(name, password, stored);
        }
        return Optional.of(UserRows.user(row.get()));
    }

    private void rehash(String name, String password, String stored) {
        try {
            if (users.rehash(name, stored, hasher.hash(password))) {
                LOG.info("Password hash of user {} strengthened to the configured iterations", name);
            }
        } catch (StoreException e) {
            // the login itself is fine; the next one tries again
            LOG.warn("Could not strengthen the password hash of user {}: {}", name, e.getMessage());
        }
    }

    private static Optional<Duration> longer(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().compareTo(a.get()) > 0 ? b : a;
    }

    private static long seconds(Duration d) {
        // rounded up: "0 s" would read as "no wait"
        return (d.toMillis() + 999) / 1000;
    }
}
