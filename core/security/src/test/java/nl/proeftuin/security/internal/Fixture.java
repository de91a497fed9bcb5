package nl.proeftuin.security.internal;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import nl.proeftuin.security.Role;
import nl.proeftuin.security.User;

/**
 * The security components wired together on a {@link TestDatabase} with a {@link SettableClock},
 * as the framework wires them, with few PBKDF2 iterations so the tests run fast.
 */
final class Fixture {

    static final int ITERATIONS = 1_000;
    static final String ADDRESS = "192.0.2.7";
    static final String PASSWORD = "correct horse battery";

    final TestDatabase db = new TestDatabase();
    final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T09:00:00Z"));
    final SecureRandom random = new SecureRandom();
    final PasswordHasher hasher = new PasswordHasher(ITERATIONS, random);
    final StoreAuditLog audit = new StoreAuditLog(db.audit, clock);
    final LoginCache cache = new LoginCache(clock, random);
    final StoreUserDirectory directory;
    final PasswordAuthenticator authenticator;
    final StoreSessions sessions;
    final AdminBootstrap bootstrap = new AdminBootstrap();

    Fixture(Path data) {
        directory = new StoreUserDirectory(db.users, audit, cache, hasher, clock, random,
                StoreUserDirectory.passwordFile(data.toString()));
        authenticator = new PasswordAuthenticator(db.users, audit, cache, hasher,
                new LoginThrottle(5, Duration.ofSeconds(900), clock), bootstrap);
        bootstrap.settled();
        sessions = new StoreSessions(db.sessions, db.users, audit, Duration.ofMinutes(120),
                Duration.ofHours(12), clock, random);
    }

    static User admin(String name) {
        return new User(name, Role.ADMIN, Set.of());
    }

    static User editor(String name, String... regions) {
        return new User(name, Role.EDITOR, Set.of(regions));
    }

    static User viewer(String name) {
        return new User(name, Role.VIEWER, Set.of());
    }
}
