package nl.proeftuin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import nl.proeftuin.store.UserStore.Outcome;
import nl.proeftuin.store.internal.Databases;
import nl.proeftuin.store.internal.Migrator;
import nl.proeftuin.store.internal.SqlAuditStore;
import nl.proeftuin.store.internal.SqlSessionStore;
import nl.proeftuin.store.internal.SqlUserStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The users, sessions and audit log every database under the store must keep the same way.
 * Subclasses supply empty databases (H2 always, PostgreSQL when configured); each test starts on
 * a new, migrated one.
 */
abstract class SecurityStoreContract {

    static final Instant T1 = Instant.parse("2026-03-01T09:00:00.123456789Z");
    static final Instant T1_STORED = Instant.parse("2026-03-01T09:00:00.123456Z");

    private final List<HikariDataSource> pools = new ArrayList<>();
    HikariDataSource pool;
    SqlUserStore users;
    SqlSessionStore sessions;
    SqlAuditStore audit;

    /**
     * A new, empty database (no tables), different on every call.
     *
     * @return an unpooled data source
     * @throws Exception if it cannot be created
     */
    abstract DataSource newDatabase() throws Exception;

    /**
     * Removes what {@link #newDatabase()} created, after all pools are closed.
     *
     * @throws Exception if that fails
     */
    abstract void dropDatabases() throws Exception;

    @BeforeEach
    void openStores() throws Exception {
        HikariDataSource p = Databases.pool(newDatabase(), "test database", 8);
        pools.add(p);
        pool = p;
        Migrator.standard(pool).migrate();
        users = new SqlUserStore(pool);
        sessions = new SqlSessionStore(pool);
        audit = new SqlAuditStore(pool);
    }

    @AfterEach
    void closeStores() throws Exception {
        pools.forEach(HikariDataSource::close);
        dropDatabases();
    }

    // ---------------------------------------------------------------- users

    @Test
    void keepsUsersWithTheirRegionsSortedByName() {
        UserRow ed = new UserRow("ed", "editor", Set.of("zeeland", "groningen"), hash("ed"));
        UserRow anna = new UserRow("anna", "admin", Set.of(), hash("anna"));
        UserRow vera = new UserRow("vera.devries@example.nl", "viewer", Set.of(), hash("vera"));

        assertThat(users.insertUser(ed, T1)).isTrue();
        assertThat(users.insertUser(vera, T1)).isTrue();
        assertThat(users.insertUser(anna, T1)).isTrue();

        assertThat(users.users()).containsExactly(anna, ed, vera);
        assertThat(users.user("ed")).contains(ed);
        assertThat(users.user("ed").orElseThrow().regions()).containsExactly("groningen", "zeeland");
        assertThat(users.user("Ed")).as("names are compared exactly; callers normalise").isEmpty();
        assertThat(users.user("nobody")).isEmpty();
        assertThat(users.userCount()).isEqualTo(3);
    }

    @Test
    void aTakenNameIsRefusedAndTheFirstUserStaysAsItWas() {
        UserRow first = new UserRow("ed", "editor", Set.of("zeeland"), hash("first"));
        users.insertUser(first, T1);

        assertThat(users.insertUser(new UserRow("ed", "admin", Set.of(), hash("second")), T1)).isFalse();

        assertThat(users.users()).containsExactly(first);
    }

    @Test
    void nodesCreatingTheSameUserAtOnceLeaveExactlyOne() throws Exception {
        int nodes = 6;
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            UserRow admin = new UserRow("admin", "admin", Set.of(), hash("node-" + i));
            calls.add(() -> users.insertUser(admin, T1));
        }

        List<Boolean> results = atOnce(calls);

        assertThat(results).containsOnlyOnce(true).hasSize(nodes);
        assertThat(users.userCount()).isEqualTo(1);
    }

    @Test
    void changingRoleAndRegionsKeepsThePasswordHash() {
        users.insertUser(new UserRow("ed", "editor", Set.of("zeeland", "utrecht"), hash("ed")), T1);

        assertThat(users.updateUser("ed", "editor", Set.of("groningen"), T1)).isEqualTo(Outcome.DONE);
        assertThat(users.user("ed")).contains(new UserRow("ed", "editor", Set.of("groningen"), hash("ed")));

        assertThat(users.updateUser("ed", "viewer", Set.of(), T1)).isEqualTo(Outcome.DONE);
        assertThat(users.user("ed")).contains(new UserRow("ed", "viewer", Set.of(), hash("ed")));
    }

    @Test
    void changingOrRemovingAnUnknownUserIsNotFound() {
        assertThat(users.updateUser("ghost", "viewer", Set.of(), T1)).isEqualTo(Outcome.NOT_FOUND);
        assertThat(users.deleteUser("ghost")).isEqualTo(Outcome.NOT_FOUND);
        assertThat(users.setPasswordHash("ghost", hash("x"), T1)).isFalse();
        assertThat(users.userCount()).isZero();
    }

    @Test
    void theLastAdminCanNeitherLoseTheRoleNorBeRemoved() {
        users.insertUser(new UserRow("anna", "admin", Set.of(), hash("anna")), T1);
        users.insertUser(new UserRow("ed", "editor", Set.of("zeeland"), hash("ed")), T1);

        assertThat(users.updateUser("anna", "viewer", Set.of(), T1)).isEqualTo(Outcome.LAST_ADMIN);
        assertThat(users.deleteUser("anna")).isEqualTo(Outcome.LAST_ADMIN);
        assertThat(users.updateUser("anna", "admin", Set.of(), T1))
                .as("staying admin is allowed").isEqualTo(Outcome.DONE);
        assertThat(users.user("anna").orElseThrow().role()).isEqualTo("admin");

        assertThat(users.updateUser("ed", "admin", Set.of(), T1)).isEqualTo(Outcome.DONE);
        assertThat(users.deleteUser("anna")).as("with a second admin").isEqualTo(Outcome.DONE);
        assertThat(users.users()).extracting(UserRow::username).containsExactly("ed");
    }

    @Test
    void twoAdminsDemotedOrRemovedAtOnceLeaveOneAdmin() throws Exception {
        // a few rounds, since one could pass by the luck of the timing
        for (int round = 0; round < 5; round++) {
            execute("DELETE FROM app_user");
            users.insertUser(new UserRow("a", "admin", Set.of(), hash("a")), T1);
            users.insertUser(new UserRow("b", "admin", Set.of(), hash("b")), T1);

            List<Outcome> outcomes = atOnce(List.of(
                    () -> users.updateUser("a", "viewer", Set.of(), T1),
                    () -> users.deleteUser("b")));

            assertThat(outcomes).as("round %d", round).containsOnlyOnce(Outcome.DONE)
                    .containsOnlyOnce(Outcome.LAST_ADMIN);
            assertThat(users.users()).filteredOn(u -> u.role().equals("admin")).hasSize(1);
        }
    }

    @Test
    void aNewPasswordEndsAllSessionsOfThatUserOnly() {
        users.insertUser(new UserRow("ed", "editor", Set.of("zeeland"), hash("old")), T1);
        users.insertUser(new UserRow("vera", "viewer", Set.of(), hash("vera")), T1);
        sessions.insertSession(session("ed-1", "ed"));
        sessions.insertSession(session("ed-2", "ed"));
        sessions.insertSession(session("vera-1", "vera"));

        assertThat(users.setPasswordHash("ed", hash("new"), T1)).isTrue();

        assertThat(users.user("ed").orElseThrow().passwordHash()).isEqualTo(hash("new"));
        assertThat(sessions.session(digest("ed-1"))).isEmpty();
        assertThat(sessions.session(digest("ed-2"))).isEmpty();
        assertThat(sessions.session(digest("vera-1"))).isPresent();
    }

    @Test
    void aRehashReplacesOnlyTheHashThatWasChecked() {
        users.insertUser(new UserRow("ed", "editor", Set.of("zeeland"), hash("weak")), T1);
        sessions.insertSession(session("ed-1", "ed"));

        assertThat(users.rehash("ed", hash("other"), hash("strong"))).isFalse();
        assertThat(users.user("ed").orElseThrow().passwordHash()).isEqualTo(hash("weak"));

        assertThat(users.rehash("ed", hash("weak"), hash("strong"))).isTrue();
        assertThat(users.user("ed").orElseThrow().passwordHash()).isEqualTo(hash("strong"));
        assertThat(sessions.session(digest("ed-1"))).as("a rehash logs nobody out").isPresent();
        assertThat(users.rehash("ghost", hash("weak"), hash("strong"))).isFalse();
    }

    @Test
    void removingAUserRemovesTheirRegionsAndSessions() throws SQLException {
        users.insertUser(new UserRow("anna", "admin", Set.of(), hash("anna")), T1);
        users.insertUser(new UserRow("ed", "editor", Set.of("zeeland", "utrecht"), hash("ed")), T1);
        sessions.insertSession(session("ed-1", "ed"));

        assertThat(users.deleteUser("ed")).isEqualTo(Outcome.DONE);

        assertThat(users.user("ed")).isEmpty();
        assertThat(sessions.session(digest("ed-1"))).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM app_user_region")).isZero();
        // a new user of the same name starts with nothing of the old one
        users.insertUser(new UserRow("ed", "viewer", Set.of(), hash("ed2")), T1);
        assertThat(users.user("ed").orElseThrow().regions()).isEmpty();
    }

    // ---------------------------------------------------------------- sessions

    @Test
    void keepsSessionsByDigestWithTimesToTheMicrosecond() {
        users.insertUser(new UserRow("ed", "editor", Set.of("zeeland"), hash("ed")), T1);
        SessionRow row = new SessionRow(digest("token"), "ed", "csrf-token", T1, T1.plusSeconds(7200));

        sessions.insertSession(row);

        assertThat(sessions.session(digest("token"))).contains(new SessionRow(digest("token"), "ed",
                "csrf-token", T1_STORED, T1_STORED.plusSeconds(7200)));
        assertThat(sessions.session(digest("other"))).isEmpty();

        assertThat(sessions.touchSession(digest("token"), T1_STORED.plusSeconds(9000))).isTrue();
        assertThat(sessions.session(digest("token")).orElseThrow().expires())
                .isEqualTo(T1_STORED.plusSeconds(9000));
        assertThat(sessions.touchSession(digest("other"), T1)).isFalse();

        assertThat(sessions.deleteSession(digest("token"))).isTrue();
        assertThat(sessions.deleteSession(digest("token"))).isFalse();
        assertThat(sessions.session(digest("token"))).isEmpty();
    }

    @Test
    void removesExactlyTheSessionsExpiredAtTheGivenTime() {
        users.insertUser(new UserRow("ed", "editor", Set.of("zeeland"), hash("ed")), T1);
        sessions.insertSession(new SessionRow(digest("past"), "ed", "c1", T1, T1.minusSeconds(1)));
        sessions.insertSession(new SessionRow(digest("now"), "ed", "c2", T1, T1_STORED));
        sessions.insertSession(new SessionRow(digest("future"), "ed", "c3", T1, T1.plusSeconds(1)));

        assertThat(sessions.deleteExpiredSessions(T1_STORED)).isEqualTo(2);

        assertThat(sessions.session(digest("past"))).isEmpty();
        assertThat(sessions.session(digest("now"))).isEmpty();
        assertThat(sessions.session(digest("future"))).isPresent();
    }

    @Test
    void aSessionNeedsAnExistingUser() {
        assertThatThrownBy(() -> sessions.insertSession(session("t", "ghost")))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Could not store a session of user \"ghost\": ")
                .hasMessageNotContaining(digest("t"));
    }

    // ---------------------------------------------------------------- audit

    @Test
    void auditLinesComeNewestFirstAndPageByIdWithFilters() {
        List<AuditRow> added = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            added.add(audit.append(T1.plusSeconds(i), i % 2 == 0 ? "anna" : "ed",
                    i < 3 ? "bundle.deploy" : "lesson.add", "target-" + i, "detail " + i));
        }
        assertThat(added).extracting(AuditRow::id).isSorted().doesNotHaveDuplicates();

        List<AuditRow> newest = audit.auditEntries(4, null, null, null);
        assertThat(newest).extracting(AuditRow::target)
                .containsExactly("target-5", "target-4", "target-3", "target-2");
        assertThat(newest.get(0)).isEqualTo(added.get(5));

        List<AuditRow> next = audit.auditEntries(4, newest.get(3).id(), null, null);
        assertThat(next).extracting(AuditRow::target).containsExactly("target-1", "target-0");

        assertThat(audit.auditEntries(10, null, "ed", null)).extracting(AuditRow::target)
                .containsExactly("target-5", "target-3", "target-1");
        assertThat(audit.auditEntries(10, null, "anna", "bundle.deploy")).extracting(AuditRow::target)
                .containsExactly("target-2", "target-0");
        assertThat(audit.auditEntries(10, added.get(2).id(), null, "lesson.add")).isEmpty();
    }

    @Test
    void auditLinesKeepTheirTextAndTimeAndCutOverlongActors() {
        String typed = "x".repeat(AuditStore.MAX_ACTOR_LENGTH + 50);
        AuditRow failed = audit.append(T1, typed, "login.failed", "", "");
        AuditRow quoted = audit.append(T1, "anna", "lesson.add", "les-'1'",
                "Titel “wonen”; 100% -- geen commentaar\nregel 2");

        assertThat(failed.actor()).hasSize(AuditStore.MAX_ACTOR_LENGTH);
        assertThat(audit.auditEntries(10, null, null, null)).containsExactly(quoted, failed);
        assertThat(quoted.at()).isEqualTo(T1_STORED);
        assertThat(audit.auditEntries(1, null, null, null).get(0).detail())
                .isEqualTo("Titel “wonen”; 100% -- geen commentaar\nregel 2");
        assertThatThrownBy(() -> audit.append(T1, "anna", "", "", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("audit action: \"\" (expected 1 to 64 characters)");
    }

    @Test
    void theAuditStoreOffersNoWayToChangeOrRemoveALine() {
        assertThat(Arrays.stream(AuditStore.class.getMethods()).map(Method::getName))
                .containsExactlyInAnyOrder("append", "auditEntries");
    }

    // ---------------------------------------------------------------- helpers

    /** A stand-in for a password hash; the store does not look inside. */
    static String hash(String seed) {
        return "pbkdf2-sha256$1000$" + seed + "$hash";
    }

    /** A stand-in for a token digest. */
    static String digest(String token) {
        return "digest-of-" + token;
    }

    static SessionRow session(String token, String username) {
        return new SessionRow(digest(token), username, "csrf-" + token, T1, T1.plusSeconds(3600));
    }

    void execute(String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs the calls on threads of their own, released at the same moment. */
    static <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
