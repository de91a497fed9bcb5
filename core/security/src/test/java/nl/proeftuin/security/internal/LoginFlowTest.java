package nl.proeftuin.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import nl.proeftuin.security.LoginResult;
import nl.proeftuin.security.Role;
import nl.proeftuin.security.Session;
import nl.proeftuin.security.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a person does from the first start: the admin logs in, adds a user, who logs in and out. */
class LoginFlowTest {

    @TempDir
    Path data;

    @Test
    void fromFirstStartToLogout() {
        Fixture f = new Fixture(data);
        f.directory.initialAdmin().ensure(InitialAdmin.configured(null, "the-admin-password"));

        LoginResult admin = f.authenticator.authenticate("Admin", "the-admin-password", Fixture.ADDRESS);
        assertThat(admin).isEqualTo(new LoginResult.Success(Fixture.admin(User.ADMIN)));

        f.directory.create(Fixture.editor("ed", "zeeland"), Fixture.PASSWORD, User.ADMIN);
        LoginResult ed = f.authenticator.authenticate("ed", Fixture.PASSWORD, Fixture.ADDRESS);
        assertThat(ed).isInstanceOf(LoginResult.Success.class);

        Session session = f.sessions.open(((LoginResult.Success) ed).user(), Fixture.ADDRESS);
        Optional<Session> found = f.sessions.find(session.token());
        assertThat(found).isPresent();
        assertThat(found.get().user().role()).isEqualTo(Role.EDITOR);
        assertThat(found.get().csrfToken()).isEqualTo(session.csrfToken());

        f.sessions.close(session.token(), Fixture.ADDRESS);
        assertThat(f.sessions.find(session.token())).isEmpty();
        assertThat(f.db.auditLines()).containsExactly(
                "system user.create admin: role admin, password from framework property proeftuin.admin.password",
                "admin user.create ed: role editor, regions zeeland",
                "ed login : from 192.0.2.7",
                "ed logout : from 192.0.2.7");
    }
}
