package nl.proeftuin.security.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import nl.proeftuin.security.User;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Remembers successful password checks for {@link #TTL}, so that HTTP Basic on every request
 * does not cost a slow PBKDF2 hash each time.
 *
 * <p>Entries are keyed by SHA-256 of a random secret of this process, the username and the
 * password: neither the password nor a digest an attacker could test guesses against without
 * the secret is kept. {@link #forgetAll()} is called whenever a user changes on this node;
 * changes made on another node reach this one at the latest after {@link #TTL}.
 *
 * <p>An internal service of the security bundle, shared by the authenticator and the user
 * directory. Thread-safety: may be called from any thread.
 */
@Component(service = LoginCache.class)
public final class LoginCache {

    /** How long a success is remembered. */
    static final Duration TTL = Duration.ofSeconds(60);

    /** The most entries kept; beyond that the expired ones are dropped, or else all. */
    static final int MAX_ENTRIES = 10_000;

    private record Entry(User user, Instant expires) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Password checks under way, by key: concurrent requests with the same credentials share one. */
    private final Map<String, CompletableFuture<Optional<User>>> checking = new ConcurrentHashMap<>();
    private final byte[] secret = new byte[32];
    private final Clock clock;

    /** The component, on the system clock. */
    @Activate
    public LoginCache() {
        this(Clock.systemUTC(), new SecureRandom());
    }

    /**
     * For tests.
     *
     * @param clock the time
     * @param random the source of the secret
     */
    LoginCache(Clock clock, SecureRandom random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        random.nextBytes(secret);
    }

    /**
     * The user of a remembered success.
     *
     * @param username the normalised username
     * @param password the password
     * @return the user as at the time of the check; empty if not remembered or expired
     */
    Optional<User> find(String username, String password) {
        String key = key(username, password);
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!entry.expires().isAfter(clock.instant())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.user());
    }

    /**
     * Remembers a success.
     *
     * @param username the normalised username
     * @param password the password that was right
     * @param user the user
     */
    void remember(String username, String password, User user) {
        Instant now = clock.instant();
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> !e.expires().isAfter(now));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(key(username, password), new Entry(user, now.plus(TTL)));
    }

    /**
     * Runs a password check once for all callers that ask with the same credentials at the same time. Without this,
     * a client that keeps 16 connections busy with HTTP Basic made 16 PBKDF2 hashes each time its remembered success
     * expired: seconds of both cores, with every request of that client waiting (seen in {@code bench/api-load.sh}).
     *
     * @param username the normalised username
     * @param password the password
     * @param check the slow check, run in the calling thread of the first caller
     * @return what the check found, for every caller
     */
    Optional<User> checkOnce(String username, String password, Supplier<Optional<User>> check) {
        String key = key(username, password);
        CompletableFuture<Optional<User>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<User>> running = checking.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            Optional<User> user = check.get();
            mine.complete(user);
            return user;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            checking.remove(key, mine);
        }
    }

    /** Forgets every success, because a user was changed, removed or given a new password. */
    public void forgetAll() {
        entries.clear();
    }

    private String key(String username, String password) {
        MessageDigest sha = Tokens.sha256();
        sha.update(secret);
        byte[] name = username.getBytes(StandardCharsets.UTF_8);
        // the length keeps ("ab", "c") apart from ("a", "bc")
        sha.update(ByteBuffer.allocate(4).putInt(name.length).array());
        sha.update(name);
        sha.update(password.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(sha.digest());
    }
}
