package nl.proeftuin.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import nl.proeftuin.security.LoginResult;
import nl.proeftuin.security.Role;
import nl.proeftuin.security.User;
import nl.proeftuin.security.UserException;
import nl.proeftuin.security.UserException.Reason;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Managing users: the rules, the messages and the audit lines. */
class StoreUserDirectoryTest {

    @TempDir
    Path data;

    private Fixture f;

    @BeforeEach
    void setUp() {
        f = new Fixture(data);
        f.directory.create(Fixture.admin("anna"), Fixture.PASSWORD, "system");
    }

    @Test
    void createsUsersAndFindsThemWhateverTheCase() {
        User ed = f.directory.create(Fixture.editor("ed", "zeeland", "groningen"), Fixture.PASSWORD, "anna");
        f.directory.create(Fixture.viewer("bert"), Fixture.PASSWORD, "anna");

        assertThat(ed).isEqualTo(Fixture.editor("ed", "groningen", "zeeland"));
        assertThat(f.directory.users()).containsExactly(Fixture.admin("anna"), Fixture.viewer("bert"), ed);
        assertThat(f.directory.user("ED")).contains(ed);
        assertThat(f.directory.user("nobody")).isEmpty();
        assertThat(f.db.auditLines()).containsExactly("system user.create anna: role admin",
                "anna user.create ed: role editor, regions groningen, zeeland",
                "anna user.create bert: role viewer");
    }

    @Test
    void refusesATakenName() {
        f.directory.create(Fixture.viewer("ed"), Fixture.PASSWORD, "anna");

        assertRefused(() -> f.directory.create(Fixture.admin("ed"), "another password", "anna"),
                Reason.DUPLICATE, "User \"ed\" exists already; choose another username");
        assertThat(f.directory.user("ed")).contains(Fixture.viewer("ed"));
        assertThat(f.authenticator.authenticate("ed", "another password", Fixture.ADDRESS))
                .isEqualTo(new LoginResult.Refused());
    }

    @Test
    void refusesPasswordsThatAreTooShortOrTooLong() {
        assertRefused(() -> f.directory.create(Fixture.viewer("ed"), "elf tekens!", "anna"), Reason.INVALID,
                "The password of user \"ed\" is too short: 11 characters (expected at least 12)");
        assertRefused(() -> f.directory.setPassword("anna", "🌷".repeat(11), "anna"), Reason.INVALID,
                "The password of user \"anna\" is too short: 11 characters (expected at least 12)");
        assertRefused(() -> f.directory.create(Fixture.viewer("ed"), "x".repeat(1025), "anna"), Reason.INVALID,
                "The password of user \"ed\" is too long: 1025 characters (expected at most 1024)");

        f.directory.create(Fixture.viewer("ed"), "twaalf tekst", "anna");
        assertThat(f.directory.users()).extracting(User::username).containsExactly("anna", "ed");
    }

    @Test
    void changesRoleAndRegionsWithAnAuditLine() {
        f.directory.create(Fixture.viewer("ed"), Fixture.PASSWORD, "anna");

        User changed = f.directory.update(Fixture.editor("ed", "utrecht"), "anna");

        assertThat(changed).isEqualTo(Fixture.editor("ed", "utrecht"));
        assertThat(f.directory.user("ed")).contains(changed);
        assertThat(f.db.auditLines()).endsWith("anna user.update ed: role editor, regions utrecht");
    }

    @Test
    void neverLeavesThePlatformWithoutAnAdmin() {
        assertRefused(() -> f.directory.update(Fixture.viewer("anna"), "anna"), Reason.LAST_ADMIN,
                "User \"anna\" is the last admin and must stay admin; make another user admin first");
        assertRefused(() -> f.directory.delete("anna", "anna"), Reason.LAST_ADMIN,
                "User \"anna\" is the last admin and cannot be removed; make another user admin first");
        assertThat(f.directory.user("anna")).contains(Fixture.admin("anna"));

        f.directory.create(Fixture.admin("bert"), Fixture.PASSWORD, "anna");
        f.directory.update(Fixture.viewer("anna"), "bert");
        assertThat(f.directory.user("anna").orElseThrow().role()).isEqualTo(Role.VIEWER);
        assertRefused(() -> f.directory.delete("bert", "bert"), Reason.LAST_ADMIN,
                "User \"bert\" is the last admin and cannot be removed; make another user admin first");
    }

    @Test
    void namesAnUnknownUser() {
        assertRefused(() -> f.directory.update(Fixture.viewer("ghost"), "anna"), Reason.NOT_FOUND,
                "There is no user \"ghost\"");
        assertRefused(() -> f.directory.setPassword("Ghost", Fixture.PASSWORD, "anna"), Reason.NOT_FOUND,
                "There is no user \"ghost\"");
        assertRefused(() -> f.directory.delete("ghost", "anna"), Reason.NOT_FOUND, "There is no user \"ghost\"");
        assertThat(f.db.auditLines()).containsExactly("system user.create anna: role admin");
    }

    @Test
    void setsPasswordsAndRemovesUsersWithAuditLinesNamingTheActor() {
        f.directory.create(Fixture.viewer("ed"), Fixture.PASSWORD, "anna");

        f.directory.setPassword("Ed", "a brand new password", "ed");
        assertThat(f.authenticator.authenticate("ed", "a brand new password", Fixture.ADDRESS))
                .isInstanceOf(LoginResult.Success.class);
        assertThat(f.authenticator.authenticate("ed", Fixture.PASSWORD, Fixture.ADDRESS))
                .isEqualTo(new LoginResult.Refused());

        f.directory.delete("ED", "anna");
        assertThat(f.directory.user("ed")).isEmpty();
        assertThat(f.db.auditLines()).contains("ed user.password ed: all sessions of the user ended",
                "anna user.delete ed: all sessions of the user ended");
        assertThat(String.join("\n", f.db.auditLines())).doesNotContain("a brand new password");
    }

    @Test
    void keepsUsersInTheDatabaseWithPasswordHashesOnly() {
        f.directory.create(Fixture.editor("ed", "zeeland"), Fixture.PASSWORD, "anna");

        assertThat(f.db.column("SELECT password_hash FROM app_user WHERE username = 'ed'"))
                .singleElement().asString().startsWith("pbkdf2-sha256$" + Fixture.ITERATIONS + "$")
                .doesNotContain(Fixture.PASSWORD);
        assertThat(f.db.column("SELECT region_id FROM app_user_region WHERE username = 'ed'"))
                .containsExactly("zeeland");
        assertThat(new User("ed", Role.EDITOR, Set.of("zeeland")).toString()).doesNotContain("pbkdf2");
    }

    private static void assertRefused(ThrowingCallable call, Reason reason, String message) {
        assertThatThrownBy(call).isInstanceOf(UserException.class).hasMessage(message)
                .satisfies(e -> assertThat(((UserException) e).reason()).isEqualTo(reason));
    }
}
