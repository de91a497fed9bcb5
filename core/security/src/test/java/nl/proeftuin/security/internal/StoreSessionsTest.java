package nl.proeftuin.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.proeftuin.security.Role;
import nl.proeftuin.security.Session;
import nl.proeftuin.security.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Web sessions: tokens, what the database keeps, expiry (on a clock the test moves) and users that change. */
class StoreSessionsTest {

    @TempDir
    Path data;

    private Fixture f;
    private User ed;

    @BeforeEach
    void setUp() {
        f = new Fixture(data);
        f.directory.create(Fixture.admin("anna"), Fixture.PASSWORD, "system");
        ed = f.directory.create(Fixture.editor("ed", "zeeland"), Fixture.PASSWORD, "anna");
    }

    @Test
    void opensSessionsWithFreshUrlSafeTokensAndAnAuditLine() {
        Session one = f.sessions.open(ed, Fixture.ADDRESS);
        Session two = f.sessions.open(ed, Fixture.ADDRESS);

        assertThat(List.of(one.token(), one.csrfToken(), two.token(), two.csrfToken()))
                .doesNotHaveDuplicates()
                .allSatisfy(token -> assertThat(token).matches("[A-Za-z0-9_-]{43}"));
        assertThat(one.user()).isEqualTo(ed);
        assertThat(one.expires()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(120)));
        assertThat(f.db.auditLines()).endsWith("ed login : from 192.0.2.7", "ed login : from 192.0.2.7");
    }

    @Test
    void theDatabaseKeepsADigestOfTheTokenNeverTheToken() {
        Session session = f.sessions.open(ed, Fixture.ADDRESS);

        assertThat(f.db.column("SELECT token_digest FROM user_session"))
                .containsExactly(Tokens.sha256Hex(session.token()));
        assertThat(f.db.column("SELECT token_digest || ' ' || username || ' ' || csrf_token FROM user_session"))
                .singleElement().asString().doesNotContain(session.token());
    }

    @Test
    void findingASessionMovesItsExpiryButWritesAtMostOnceAMinute() {
        Session session = f.sessions.open(ed, Fixture.ADDRESS);
        Instant opened = f.clock.instant();

        f.clock.advance(Duration.ofSeconds(30));
        assertThat(f.sessions.find(session.token()).orElseThrow().expires())
                .as("not written: it would move by less than a minute").isEqualTo(opened.plus(Duration.ofMinutes(120)));
        assertThat(storedExpiry(session)).isEqualTo(opened.plus(Duration.ofMinutes(120)));

        f.clock.advance(Duration.ofSeconds(40));
        Instant now = f.clock.instant();
        assertThat(f.sessions.find(session.token()).orElseThrow().expires()).isEqualTo(now.plus(Duration.ofMinutes(120)));
        assertThat(storedExpiry(session)).isEqualTo(now.plus(Duration.ofMinutes(120)));
    }

    @Test
    void aSessionEndsAfterTheIdleTime() {
        Session session = f.sessions.open(ed, Fixture.ADDRESS);
        f.clock.advance(Duration.ofMinutes(119));
        assertThat(f.sessions.find(session.token())).isPresent();

        f.clock.advance(Duration.ofMinutes(120));

        assertThat(f.sessions.find(session.token())).isEmpty();
        assertThat(f.db.column("SELECT COUNT(*) FROM user_session")).containsExactly("0");
    }

    @Test
    void aSessionInUseEndsAtTheAbsoluteMaximum() {
        Session session = f.sessions.open(ed, Fixture.ADDRESS);
        Instant opened = f.clock.instant();
        for (int i = 0; i < 11 * 60 / 30; i++) {
            f.clock.advance(Duration.ofMinutes(30));
            assertThat(f.sessions.find(session.token())).as("after %d minutes", (i + 1) * 30).isPresent();
        }
        f.clock.advance(Duration.ofMinutes(30));
        assertThat(f.sessions.find(session.token()).orElseThrow().expires()).isEqualTo(opened.plus(Duration.ofHours(12)));

        f.clock.advance(Duration.ofMinutes(30));

        assertThat(f.sessions.find(session.token())).isEmpty();
    }

    @Test
    void aChangedRoleAppliesAtTheNextRequestAndARemovedUserHasNoSession() {
        Session session = f.sessions.open(ed, Fixture.ADDRESS);

        f.directory.update(new User("ed", Role.EDITOR, Set.of("zeeland", "utrecht")), "anna");
        assertThat(f.sessions.find(session.token()).orElseThrow().user().regions())
                .containsExactly("utrecht", "zeeland");

        f.directory.delete("ed", "anna");
        assertThat(f.sessions.find(session.token())).isEmpty();
    }

    @Test
    void aNewPasswordEndsTheSessions() {
        Session session = f.sessions.open(ed, Fixture.ADDRESS);

        f.directory.setPassword("ed", "another good password", "ed");

        assertThat(f.sessions.find(session.token())).isEmpty();
    }

    @Test
    void closingEndsTheSessionOnceWithAnAuditLine() {
        Session session = f.sessions.open(ed, Fixture.ADDRESS);
        Session other = f.sessions.open(ed, Fixture.ADDRESS);

        f.sessions.close(session.token(), "198.51.100.9");
        f.sessions.close(session.token(), "198.51.100.9");

        assertThat(f.sessions.find(session.token())).isEmpty();
        assertThat(f.sessions.find(other.token())).isPresent();
        assertThat(f.db.auditLines()).filteredOn(line -> line.contains("logout"))
                .containsExactly("ed logout : from 198.51.100.9");
    }

    @Test
    void garbageTokensFindNothing() {
        f.sessions.open(ed, Fixture.ADDRESS);

        for (String garbage : new String[] {"", "x", "' OR 1=1 --", "é".repeat(50), "t".repeat(10_000)}) {
            assertThat(f.sessions.find(garbage)).as(garbage).isEqualTo(Optional.empty());
            f.sessions.close(garbage, Fixture.ADDRESS);
        }
        assertThat(f.db.column("SELECT COUNT(*) FROM user_session")).containsExactly("1");
    }

    @Test
    void openingASessionSweepsOutExpiredOnes() {
        f.sessions.open(ed, Fixture.ADDRESS);
        f.sessions.open(ed, Fixture.ADDRESS);
        f.clock.advance(Duration.ofHours(3));

        f.sessions.open(ed, Fixture.ADDRESS);

        assertThat(f.db.column("SELECT COUNT(*) FROM user_session")).containsExactly("1");
    }

    private Instant storedExpiry(Session session) {
        return f.db.sessions.session(Tokens.sha256Hex(session.token())).orElseThrow().expires();
    }
}
