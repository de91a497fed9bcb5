package nl.proeftuin.security.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import nl.proeftuin.security.AuditLog;
import nl.proeftuin.security.Session;
import nl.proeftuin.security.Sessions;
import nl.proeftuin.security.User;
import nl.proeftuin.store.SessionRow;
import nl.proeftuin.store.SessionStore;
import nl.proeftuin.store.UserStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Sessions} in the store's database, so that every node knows every session.
 *
 * <p>A session ends after {@code sessionIdleMinutes} without use, and at the latest
 * {@code sessionMaxHours} after the login. {@link #find} moves the expiry forward, but writes it
 * to the database at most once per {@link #TOUCH_INTERVAL} per session, so that a page firing
 * many requests does not write on each; the idle time is therefore enforced to within that
 * interval. Expired sessions are removed when found, and all of them at most once per
 * {@link #PURGE_INTERVAL} when a session opens.
 *
 * <p>Only a SHA-256 digest of each token goes to the database.
 *
 * <p>Thread-safety: may be called from any thread, concurrently.
 */
@Component(service = Sessions.class, configurationPid = SecurityConfig.PID)
public final class StoreSessions implements Sessions {

    /** The expiry is written to the database when it moves by at least this much. */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    /** Expired sessions are swept out at most this often, per node. */
    static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

    /** Longer cookie values are not tokens of ours; they are not even looked up. */
    private static final int MAX_TOKEN_LENGTH = 100;

    private static final Logger LOG = LoggerFactory.getLogger(StoreSessions.class);

    private final SessionStore sessions;
    private final UserStore users;
    private final AuditLog audit;
    private final Duration idle;
    private final Duration maximum;
    private final Clock clock;
    private final SecureRandom random;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.MIN);

    /**
     * The component.
     *
     * @param config the configuration
     * @param sessions where sessions are kept
     * @param users where the sessions' users are read
     * @param audit where logins and logouts go
     * @throws IllegalArgumentException if the configured times are not positive
     */
    @Activate
    public StoreSessions(SecurityConfig config,
            @Reference(name = "sessions") SessionStore sessions,
            @Reference(name = "users") UserStore users,
            @Reference(name = "audit") AuditLog audit) {
        this(sessions, users, audit, minutes(config), hours(config), Clock.systemUTC(), new SecureRandom());
    }

    /**
     * For tests.
     *
     * @param sessions where sessions are kept
     * @param users where the sessions' users are read
     * @param audit where logins and logouts go
     * @param idle how long a session lasts unused
     * @param maximum how long a session lasts at most
     * @param clock the time
     * @param random the source of tokens
     */
    StoreSessions(SessionStore sessions, UserStore users, AuditLog audit, Duration idle, Duration maximum,
            Clock clock, SecureRandom random) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.users = Objects.requireNonNull(users, "users");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.idle = Objects.requireNonNull(idle, "idle");
        this.maximum = Objects.requireNonNull(maximum, "maximum");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public Session open(User user, String clientAddress) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(clientAddress, "clientAddress");
        Instant now = clock.instant();
        purgeExpired(now);
        String token = Tokens.newToken(random);
        String csrfToken = Tokens.newToken(random);
        Instant expires = earlier(now.plus(idle), now.plus(maximum));
        sessions.insertSession(new SessionRow(Tokens.sha256Hex(token), user.username(), csrfToken, now, expires));
        audit.record(user.username(), AuditLog.LOGIN, "", "from " + clientAddress);
        return new Session(token, csrfToken, user, expires);
    }

    @Override
    public Optional<Session> find(String token) {
        Objects.requireNonNull(token, "token");
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        String digest = Tokens.sha256Hex(token);
        Optional<SessionRow> found = sessions.session(digest);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SessionRow row = found.get();
        Instant now = clock.instant();
        if (!row.expires().isAfter(now)) {
            sessions.deleteSession(digest);
            return Optional.empty();
        }
        // the user as they are now: a changed role applies at once, a removed user has no session
        // (removing the user removed the row too; this covers a removal between the two reads)
        Optional<User> user = users.user(row.username()).map(UserRows::user);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        Instant expires = row.expires();
        Instant moved = earlier(now.plus(idle), row.created().plus(maximum));
        if (Duration.between(expires, moved).compareTo(TOUCH_INTERVAL) >= 0
                && sessions.touchSession(digest, moved)) {
            expires = moved;
        }
        return Optional.of(new Session(token, row.csrfToken(), user.get(), expires));
    }

    @Override
    public void close(String token, String clientAddress) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(clientAddress, "clientAddress");
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return;
        }
        String digest = Tokens.sha256Hex(token);
        Optional<SessionRow> row = sessions.session(digest);
        if (row.isPresent() && sessions.deleteSession(digest)) {
            audit.record(row.get().username(), AuditLog.LOGOUT, "", "from " + clientAddress);
        }
    }

    /** Removes expired sessions, at most once per interval on this node. */
    private void purgeExpired(Instant now) {
        Instant last = lastPurge.get();
        if (last.plus(PURGE_INTERVAL).isAfter(now) || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        int removed = sessions.deleteExpiredSessions(now);
        if (removed > 0) {
            LOG.debug("Removed {} expired sessions", removed);
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Duration minutes(SecurityConfig config) {
        if (config.sessionIdleMinutes() < 1) {
            throw new IllegalArgumentException(SecurityConfig.PID + ": sessionIdleMinutes="
                    + config.sessionIdleMinutes() + " (expected at least 1)");
        }
        return Duration.ofMinutes(config.sessionIdleMinutes());
    }

    private static Duration hours(SecurityConfig config) {
        if (config.sessionMaxHours() < 1) {
            throw new IllegalArgumentException(SecurityConfig.PID + ": sessionMaxHours="
                    + config.sessionMaxHours() + " (expected at least 1)");
        }
        return Duration.ofHours(config.sessionMaxHours());
    }
}
