package nl.proeftuin.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import nl.proeftuin.security.LoginResult;
import nl.proeftuin.security.Role;
import nl.proeftuin.security.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Password checks, throttling (on a clock the test moves), the success cache and audit lines. */
class PasswordAuthenticatorTest {

    private static final String OTHER_ADDRESS = "198.51.100.9";

    @TempDir
    Path data;

    private Fixture f;

    @BeforeEach
    void setUp() {
        f = new Fixture(data);
        f.directory.create(Fixture.admin("anna"), Fixture.PASSWORD, "system");
        f.directory.create(Fixture.editor("ed", "zeeland"), Fixture.PASSWORD, "anna");
    }

    @Test
    void acceptsTheRightPasswordWhateverTheCaseOfTheName() {
        assertThat(f.authenticator.authenticate(" Ed ", Fixture.PASSWORD, Fixture.ADDRESS))
                .isEqualTo(new LoginResult.Success(Fixture.editor("ed", "zeeland")));
    }

    @Test
    void refusesAWrongPasswordAndAnUnknownNameAlikeAndAuditsBoth() {
        int before = f.db.auditLines().size();

        assertThat(f.authenticator.authenticate("ed", "wrong password!", Fixture.ADDRESS))
                .isEqualTo(new LoginResult.Refused());
        assertThat(f.authenticator.authenticate("nobody", Fixture.PASSWORD, OTHER_ADDRESS))
                .isEqualTo(new LoginResult.Refused());

        assertThat(f.db.auditLines().subList(before, before + 2)).containsExactly(
                "ed login.failed : wrong username or password, from 192.0.2.7",
                "nobody login.failed : wrong username or password, from 198.51.100.9");
    }

    @Test
    void anUnknownNameCostsOneHashLikeAWrongPassword() {
        f.authenticator.authenticate("warm-up", "x".repeat(12), OTHER_ADDRESS);

        long start = f.hasher.derivations();
        f.authenticator.authenticate("nobody", Fixture.PASSWORD, Fixture.ADDRESS);
        long unknown = f.hasher.derivations() - start;

        start = f.hasher.derivations();
        f.authenticator.authenticate("ed", "wrong password!", Fixture.ADDRESS);
        long wrong = f.hasher.derivations() - start;

        assertThat(unknown).isEqualTo(1).isEqualTo(wrong);
    }

    @Test
    void throttlesANameAfterFiveFailuresDoublingTheWaitUpToTheMaximum() {
        for (int i = 1; i <= 4; i++) {
            assertThat(f.authenticator.authenticate("ed", "wrong " + i, Fixture.ADDRESS + i))
                    .as("failure %d", i).isEqualTo(new LoginResult.Refused());
        }
        assertThat(f.authenticator.authenticate("ed", "wrong 5", "203.0.113.5")).isEqualTo(new LoginResult.Refused());

        // from now on each failure blocks the name: 1 s, 2 s, 4 s, ... up to 900 s
        assertThat(f.authenticator.authenticate("ed", Fixture.PASSWORD, "203.0.113.6"))
                .as("even the right password is not checked").isEqualTo(throttled(1));
        long expected = 1;
        for (int failure = 6; failure <= 16; failure++) {
            f.clock.advance(Duration.ofSeconds(expected));
            assertThat(f.authenticator.authenticate("ed", "wrong again", "203.0.113." + failure))
                    .isEqualTo(new LoginResult.Refused());
            expected = Math.min(expected * 2, 900);
            assertThat(f.authenticator.authenticate("ed", "wrong again", "203.0.113.99"))
                    .as("after failure %d", failure).isEqualTo(throttled(expected));
        }
        assertThat(expected).isEqualTo(900);
    }

    @Test
    void aSuccessResetsTheNamesCount() {
        for (int i = 0; i < 4; i++) {
            f.authenticator.authenticate("ed", "wrong", "203.0.113." + i);
        }
        assertThat(f.authenticator.authenticate("ed", Fixture.PASSWORD, "203.0.113.50"))
                .isInstanceOf(LoginResult.Success.class);
        for (int i = 0; i < 4; i++) {
            assertThat(f.authenticator.authenticate("ed", "wrong", "203.0.113.6" + i))
                    .isEqualTo(new LoginResult.Refused());
        }
        assertThat(f.authenticator.authenticate("ed", Fixture.PASSWORD, "203.0.113.70"))
                .isInstanceOf(LoginResult.Success.class);
    }

    @Test
    void throttlesAnAddressTryingManyNamesAndAuditsTheThrottledAttempt() {
        for (int i = 0; i < 5; i++) {
            f.authenticator.authenticate("guess" + i, "password" + i, Fixture.ADDRESS);
        }

        assertThat(f.authenticator.authenticate("ed", Fixture.PASSWORD, Fixture.ADDRESS))
                .isEqualTo(throttled(1));
        assertThat(f.authenticator.authenticate("ed", Fixture.PASSWORD, OTHER_ADDRESS))
                .as("another address").isInstanceOf(LoginResult.Success.class);
        List<String> lines = f.db.auditLines();
        assertThat(lines.get(lines.size() - 1)).isEqualTo(
                "ed login.failed : throttled for another 1 s (too many failed logins), from 192.0.2.7");

        f.clock.advance(Duration.ofSeconds(1));
        assertThat(f.authenticator.authenticate("ed", Fixture.PASSWORD, Fixture.ADDRESS))
                .isInstanceOf(LoginResult.Success.class);
    }

    @Test
    void remembersASuccessForAMinuteWithoutHashingAgain() {
        f.authenticator.authenticate("ed", Fixture.PASSWORD, Fixture.ADDRESS);
        long before = f.hasher.derivations();

        f.clock.advance(Duration.ofSeconds(59));
        assertThat(f.authenticator.authenticate("ed", Fixture.PASSWORD, Fixture.ADDRESS))
                .isInstanceOf(LoginResult.Success.class);
        assertThat(f.hasher.derivations()).isEqualTo(before);
        assertThat(f.authenticator.authenticate("ed", "another password", Fixture.ADDRESS))
                .as("only that password").isEqualTo(new LoginResult.Refused());

        f.clock.advance(Duration.ofSeconds(2));
        before = f.hasher.derivations();
        assertThat(f.authenticator.authenticate("ed", Fixture.PASSWORD, Fixture.ADDRESS))
                .isInstanceOf(LoginResult.Success.class);
        assertThat(f.hasher.derivations()).as("checked again after a minute").isEqualTo(before + 1);
    }

    @Test
    void forgetsRememberedSuccessesWhenAUserChangesOnThisNode() {
        f.authenticator.authenticate("ed", Fixture.PASSWORD, Fixture.ADDRESS);

        f.directory.update(new User("ed", Role.VIEWER, java.util.Set.of()), "anna");
        assertThat(f.authenticator.authenticate("ed", Fixture.PASSWORD, Fixture.ADDRESS))
                .isEqualTo(new LoginResult.Success(Fixture.viewer("ed")));

        f.directory.setPassword("ed", "a new password for ed", "anna");
        assertThat(f.authenticator.authenticate("ed", Fixture.PASSWORD, Fixture.ADDRESS))
                .isEqualTo(new LoginResult.Refused());

        assertThat(f.authenticator.authenticate("ed", "a new password for ed", Fixture.ADDRESS))
                .isInstanceOf(LoginResult.Success.class);
        f.directory.delete("ed", "anna");
        assertThat(f.authenticator.authenticate("ed", "a new password for ed", Fixture.ADDRESS))
                .isEqualTo(new LoginResult.Refused());
    }

    @Test
    void strengthensAWeakHashAtTheNextLogin() {
        PasswordHasher stronger = new PasswordHasher(Fixture.ITERATIONS * 2, new SecureRandom());
        PasswordAuthenticator upgraded = new PasswordAuthenticator(f.db.users, f.audit,
                new LoginCache(f.clock, new SecureRandom()), stronger,
                new LoginThrottle(5, Duration.ofSeconds(900), f.clock), f.bootstrap);

        assertThat(upgraded.authenticate("ed", Fixture.PASSWORD, Fixture.ADDRESS))
                .isInstanceOf(LoginResult.Success.class);

        String stored = f.db.users.user("ed").orElseThrow().passwordHash();
        assertThat(stored).startsWith("pbkdf2-sha256$" + Fixture.ITERATIONS * 2 + "$");
        assertThat(stronger.verify(Fixture.PASSWORD, stored)).isTrue();
    }

    @Test
    void refusesOverlongPasswordsWithoutHashing() {
        long before = f.hasher.derivations();

        assertThat(f.authenticator.authenticate("ed", "p".repeat(5000), Fixture.ADDRESS))
                .isEqualTo(new LoginResult.Refused());

        assertThat(f.hasher.derivations()).isEqualTo(before);
    }

    private static LoginResult.Throttled throttled(long seconds) {
        return new LoginResult.Throttled(Duration.ofSeconds(seconds));
    }
}
