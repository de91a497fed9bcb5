package nl.proeftuin.itest.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.proeftuin.itest.support.Api;
import nl.proeftuin.itest.support.DeployFolder;
import nl.proeftuin.itest.support.Ids;
import nl.proeftuin.security.Role;
import nl.proeftuin.security.UserDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * Who may do what, for every endpoint of the API: each row is one operation (method and path), each column one
 * kind of caller, each cell the status the platform must answer. The callers: nobody (no credentials), a viewer,
 * an editor of region A acting on region B, the same editor acting on A, and the admin, each with HTTP Basic. A row
 * for every operation in {@code /api/openapi.json}: an endpoint added without a row fails
 * {@link #everyDocumentedOperationHasARow()}.
 */
class EndpointMatrixTest {

    /** The callers, in the order of the table's columns. */
    enum Caller {
        ANONYMOUS, VIEWER, EDITOR_OF_A_ON_B, EDITOR_OF_A_ON_A, ADMIN
    }

    // @formatter:off
    /** The table. Columns: anonymous, viewer, editor of A on B, editor of A on A, admin. */
    static final List<Row> ROWS = List.of(
        row("GET",    "/api/health",                          200, 200, 200, 200, 200),
        row("GET",    "/api/openapi.json",                    200, 200, 200, 200, 200),
        row("GET",    "/api/v1/regions",                      401, 200, 200, 200, 200),
        row("GET",    "/api/v1/regions/{id}",                 401, 200, 200, 200, 200),
        row("GET",    "/api/v1/opgaven",                      401, 200, 200, 200, 200),
        row("GET",    "/api/v1/kpis",                         401, 200, 200, 200, 200),
        row("GET",    "/api/v1/kpis/{id}",                    401, 200, 200, 200, 200),
        row("GET",    "/api/v1/kpis/{id}/measurements",       401, 200, 200, 200, 200),
        row("POST",   "/api/v1/kpis/{id}/measurements",       401, 403, 403, 200, 200)
            .body(c -> json("[{\"period\": \"2024-0" + (1 + c.caller().ordinal()) + "\", \"value\": 7, \"source\": \"matrix\"}]")),
        row("GET",    "/api/v1/kpis/{id}/measurements.csv",   401, 200, 200, 200, 200),
        row("GET",    "/api/v1/lessons",                      401, 200, 200, 200, 200),
        row("POST",   "/api/v1/lessons",                      401, 403, 403, 201, 201)
            .body(c -> json("{\"regionId\": \"" + c.region().id() + "\", \"theme\": \"leefbaarheid\", "
                    + "\"title\": \"Matrix\", \"text\": \"Wie mag een leerpunt schrijven?\"}")),
        row("GET",    "/api/v1/overview",                     401, 200, 200, 200, 200),
        row("GET",    "/api/v1/bundles",                      401, 200, 200, 200, 200),
        row("POST",   "/api/v1/bundles",                      401, 403, 403, 200, 200)
            .body(c -> new Body(PilotRegion.JAR, c.region().nextVersion()))
            .after((c, status) -> c.region().awaitReady()),
        row("GET",    "/api/v1/bundles/{symbolicName}",       401, 200, 200, 200, 200),
        row("DELETE", "/api/v1/bundles/{symbolicName}",       401, 403, 403, 204, 204)
            .after((c, status) -> {
                if (status == 204) {
                    c.region().restore();
                }
            }),
        row("GET",    "/api/v1/events",                       401, 200, 200, 200, 200),
        row("GET",    "/api/v1/session",                      401, 200, 200, 200, 200),
        row("POST",   "/api/v1/session",                      200, 200, 200, 200, 200)
            .body(c -> login(EndpointMatrixTest.viewer)),
        row("DELETE", "/api/v1/session",                      204, 204, 204, 204, 204),
        row("GET",    "/api/v1/users",                        401, 403, 403, 403, 200),
        row("POST",   "/api/v1/users",                        401, 403, 403, 403, 201)
            .body(c -> json("{\"username\": \"" + c.scratchName() + "\", \"role\": \"viewer\", \"regions\": [], "
                    + "\"password\": \"matrix-password-1\"}"))
            .after((c, status) -> EndpointMatrixTest.users.removeQuietly(c.scratchName())),
        row("GET",    "/api/v1/users/{username}",             401, 403, 403, 403, 200),
        row("PUT",    "/api/v1/users/{username}",             401, 403, 403, 403, 200)
            .scratchUser()
            .body(c -> json("{\"role\": \"editor\", \"regions\": [\"" + c.region().id() + "\"]}")),
        row("DELETE", "/api/v1/users/{username}",             401, 403, 403, 403, 204)
            .scratchUser(),
        row("PUT",    "/api/v1/users/{username}/password",    401, 403, 403, 403, 204)
            .scratchUser()
            .body(c -> json("{\"password\": \"a-new-password-from-the-matrix\"}")),
        row("GET",    "/api/v1/audit",                        401, 403, 403, 403, 200));
    // @formatter:on

    @InjectBundleContext
    static BundleContext context;

    @InjectService(timeout = 30_000)
    static UserDirectory directory;

    static Api api;
    static DeployFolder deploy;
    static TestUsers users;
    static TestUsers.Account viewer;
    static TestUsers.Account editor;
    static TestUsers.Account bystander;
    static PilotRegion regionA;
    static PilotRegion regionB;

    @BeforeAll
    static void setUp() {
        api = Api.connect(context);
        deploy = DeployFolder.of(context, api);
        regionA = PilotRegion.deploy(api, deploy, "matrix-a");
        regionB = PilotRegion.deploy(api, deploy, "matrix-b");
        users = new TestUsers(directory);
        viewer = users.create(Role.VIEWER);
        editor = users.create(Role.EDITOR, regionA.id());
        bystander = users.create(Role.VIEWER);
    }

    @AfterAll
    static void tearDown() {
        users.close();
        deploy.removeAll();
    }

    static Stream<Arguments> cells() {
        return ROWS.stream().flatMap(row -> Stream.of(Caller.values()).map(caller -> Arguments.of(row, caller)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("cells")
    void answersAsTheTableSays(Row row, Caller caller) throws IOException {
        Cell cell = new Cell(caller, caller == Caller.EDITOR_OF_A_ON_B ? regionB : regionA,
                row.scratch && caller == Caller.ADMIN ? users.create(Role.VIEWER).username() : bystander.username(),
                Ids.unique("scratch"));
        int expected = row.expected[caller.ordinal()];

        Answer answer = send(row, cell);
        row.after.accept(cell, answer.status());
        if (row.scratch) {
            users.removeQuietly(cell.userName());
        }

        assertThat(answer.status()).as("%s by %s: %s", row, caller, answer).isEqualTo(expected);
        if (expected == 401) {
            assertThat(answer.response().headers().firstValue("WWW-Authenticate"))
                    .as("the Basic challenge of a 401 to a client that is not the dashboard")
                    .contains("Basic realm=\"Proeftuin\", charset=\"UTF-8\"");
        }
        if (expected == 401 || expected == 403) {
            assertThat(answer.response().headers().firstValue("Content-Type")).get().asString()
                    .startsWith("application/problem+json");
        }
        if (expected == 403) {
            assertThat(Browser.JSON.readTree(answer.body()).path("detail").asText()).as("a 403 names the user")
                    .startsWith("User \"" + account(caller).username() + "\" may not ");
        }
    }

    @Test
    void everyDocumentedOperationHasARow() {
        JsonNode paths = api.get("/api/openapi.json").json().path("paths");
        Set<String> documented = new TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        Set<String> tabled = ROWS.stream().map(Row::toString).collect(Collectors.toCollection(TreeSet::new));

        assertThat(documented).as("operations of /api/openapi.json without a row in EndpointMatrixTest.ROWS")
                .isSubsetOf(tabled);
        assertThat(tabled).as("rows of EndpointMatrixTest.ROWS that /api/openapi.json does not document")
                .isSubsetOf(documented);
    }

    private Answer send(Row row, Cell cell) {
        String path = row.template.replace("{id}", row.template.startsWith("/api/v1/regions/") ? cell.region().id() : cell.region().kpi())
                .replace("{symbolicName}", cell.region().symbolicName()).replace("{username}", cell.userName());
        Body body = row.body == null ? null : row.body.apply(cell);
        HttpRequest.Builder request = api.anonymousRequest(path).method(row.method,
                body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body.bytes()));
        if (body != null) {
            request.header("Content-Type", body.type());
        }
        if (cell.caller() != Caller.ANONYMOUS) {
            request.header("Authorization", account(cell.caller()).basic());
        }
        try {
            HttpResponse<InputStream> response = api.client().send(request.build(), BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                // the event stream never ends: its head is the answer
                boolean stream = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
                String text = stream ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return new Answer(response, text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(row + " by " + cell.caller(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static TestUsers.Account account(Caller caller) {
        return switch (caller) {
            case ANONYMOUS -> throw new IllegalArgumentException("nobody has no account");
            case VIEWER -> viewer;
            case EDITOR_OF_A_ON_B, EDITOR_OF_A_ON_A -> editor;
            case ADMIN -> TestUsers.ADMIN;
        };
    }

    private static Row row(String method, String template, int anonymous, int viewer, int editorOnB, int editorOnA,
            int admin) {
        return new Row(method, template, new int[] {anonymous, viewer, editorOnB, editorOnA, admin});
    }

    private static Body login(TestUsers.Account account) {
        return json(Browser.JSON.createObjectNode().put("username", account.username())
                .put("password", account.password()).toString());
    }

    private static Body json(String text) {
        return new Body("application/json", text.getBytes(StandardCharsets.UTF_8));
    }

    /** A request body. */
    record Body(String type, byte[] bytes) {
    }

    /**
     * One cell of the table.
     *
     * @param caller who calls
     * @param region the region the request is about: B for the editor of A acting elsewhere, A otherwise
     * @param userName the user a {@code {username}} path names
     * @param scratchName a name no user has yet
     */
    record Cell(Caller caller, PilotRegion region, String userName, String scratchName) {
    }

    /** What the platform answered. */
    record Answer(HttpResponse<InputStream> response, String body) {
        int status() {
            return response.statusCode();
        }

        @Override
        public String toString() {
            return status() + " " + body;
        }
    }

    /** One operation and what each caller gets. */
    static final class Row {
        final String method;
        final String template;
        final int[] expected;
        Function<Cell, Body> body;
        BiConsumer<Cell, Integer> after = (cell, status) -> { };
        /** The {@code {username}} is a user made for the cell (the admin changes or removes it). */
        boolean scratch;

        Row(String method, String template, int[] expected) {
            this.method = method;
            this.template = template;
            this.expected = expected;
        }

        Row body(Function<Cell, Body> maker) {
            this.body = maker;
            return this;
        }

        Row after(BiConsumer<Cell, Integer> action) {
            this.after = action;
            return this;
        }

        Row scratchUser() {
            this.scratch = true;
            return this;
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }
}
