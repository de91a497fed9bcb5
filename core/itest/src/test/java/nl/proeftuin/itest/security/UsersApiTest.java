package nl.proeftuin.itest.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;
import nl.proeftuin.itest.support.Api;
import nl.proeftuin.itest.support.ApiResponse;
import nl.proeftuin.itest.support.Ids;
import nl.proeftuin.security.Role;
import nl.proeftuin.security.UserDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * User management through {@code /api/v1/users}: what an admin sees and changes, and the answers to changes the
 * directory refuses, each naming the field or the user.
 */
class UsersApiTest {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 30_000)
    UserDirectory directory;

    Api api;
    TestUsers users;

    @BeforeEach
    void connect() {
        api = Api.connect(context);
        users = new TestUsers(directory);
    }

    @AfterEach
    void removeUsers() {
        users.close();
    }

    @Test
    void anAdminAddsReadsChangesAndRemovesAUser() {
        String name = Ids.unique("nieuw");

        ApiResponse created = api.postJson("/api/v1/users", "{\"username\": \"" + name
                + "\", \"role\": \"editor\", \"regions\": [\"zeeland\", \"groningen\"], \"password\": \"twelve-chars-at-least\"}");
        users.track(name);
        JsonNode listed = api.get("/api/v1/users").json();
        ApiResponse changed = api.send(api.request("/api/v1/users/" + name).header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString("{\"role\": \"viewer\", \"regions\": []}")));
        ApiResponse removed = api.delete("/api/v1/users/" + name);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/users/" + name);
        assertThat(created.json().path("regions")).extracting(JsonNode::asText).containsExactly("groningen", "zeeland");
        assertThat(created.body()).doesNotContain("twelve-chars-at-least");
        assertThat(listed.findValuesAsText("username")).contains(name, "admin");
        assertThat(listed.toString()).doesNotContain("password");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("role").asText()).isEqualTo("viewer");
        assertThat(removed.status()).isEqualTo(204);
        assertThat(api.get("/api/v1/users/" + name).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "password too short  | {\"username\": \"%s\", \"role\": \"viewer\", \"password\": \"short\"}                      | too short",
        "username in capitals | {\"username\": \"J%s\", \"role\": \"viewer\", \"password\": \"twelve-chars-at-least\"}    | User.username",
        "unknown role         | {\"username\": \"%s\", \"role\": \"chef\", \"password\": \"twelve-chars-at-least\"}      | \"chef\" is not a role",
        "editor of nothing    | {\"username\": \"%s\", \"role\": \"editor\", \"password\": \"twelve-chars-at-least\"}    | needs at least one region",
        "viewer with regions  | {\"username\": \"%s\", \"role\": \"viewer\", \"regions\": [\"zeeland\"], \"password\": \"twelve-chars-at-least\"} | only an editor has regions",
        "no password          | {\"username\": \"%s\", \"role\": \"viewer\"}                                              | password is missing"})
    void anInvalidUserIs422NamingTheRule(String what, String body, String words) {
        String name = Ids.unique("ongeldig");

        ApiResponse response = api.postJson("/api/v1/users", body.formatted(name));
        users.track(name);

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.mediaType()).isEqualTo("application/problem+json");
        assertThat(response.detail()).contains(words);
    }

    @Test
    void aTakenUsernameIs409() {
        TestUsers.Account existing = users.create(Role.VIEWER);

        ApiResponse response = api.postJson("/api/v1/users", "{\"username\": \"" + existing.username()
                + "\", \"role\": \"viewer\", \"password\": \"twelve-chars-at-least\"}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.detail()).contains(existing.username());
    }

    @Test
    void anUnknownUserIs404() {
        String nobody = Ids.unique("niemand");

        assertThat(api.get("/api/v1/users/" + nobody).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/users/" + nobody).status()).isEqualTo(404);
        assertThat(api.send(api.request("/api/v1/users/" + nobody + "/password").header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString("{\"password\": \"twelve-chars-at-least\"}"))).status()).isEqualTo(404);
    }

    @Test
    void aWrongCurrentPasswordIs403AndChangesNothing() {
        TestUsers.Account viewer = users.create(Role.VIEWER);
        // a wrong password counts as a failed login against the client address: sent from an address of its own
        RawHttp client = new RawHttp(api.uri("/"), RawHttp.someLoopbackAddress());

        RawHttp.Response response = client.send("PUT", "/api/v1/users/" + viewer.username() + "/password",
                Map.of("Authorization", viewer.basic(), "Content-Type", "application/json"),
                "{\"password\": \"a-new-password-here\", \"currentPassword\": \"not-my-password\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.body()).contains("current password").contains(viewer.username());
        assertThat(api.send(api.anonymousRequest("/api/v1/session").header("Authorization", viewer.basic()).GET())
                .status()).as("the old password still works").isEqualTo(200);
    }
}
