package nl.proeftuin.itest.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Supplier;
import nl.proeftuin.itest.support.Api;
import nl.proeftuin.security.Role;
import nl.proeftuin.security.UserDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * Guessing passwords is slowed down: after a few failed logins further attempts are answered 429 with
 * {@code Retry-After}, without checking the password, for the login page and for HTTP Basic alike. Failures are
 * counted per client address too, so each test sends from a loopback address of its own (127.0.0.x), which leaves
 * the other tests' address (127.0.0.1) alone.
 */
class ThrottlingTest {

    /** More than the security bundle's failuresBeforeThrottle (5 by default) lets through. */
    static final int ATTEMPTS = 12;

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
    void repeatedWrongLoginsAre429WithRetryAfterEvenForTheRightPassword() throws InterruptedException {
        TestUsers.Account account = users.create(Role.VIEWER);
        RawHttp client = new RawHttp(api.uri("/"), RawHttp.someLoopbackAddress());
        Map<String, String> headers = Map.of("Content-Type", "application/json", "X-Requested-With", "proeftuin-ui");
        String wrong = "{\"username\": \"" + account.username() + "\", \"password\": \"wrong-password-guess\"}";
        String right = "{\"username\": \"" + account.username() + "\", \"password\": \"" + account.password() + "\"}";

        RawHttp.Response throttled = untilThrottledFor(2, () -> client.send("POST", "/api/v1/session", headers, wrong));
        RawHttp.Response withTheRightPassword = client.send("POST", "/api/v1/session", headers, right);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(Long.parseLong(throttled.header("retry-after").orElseThrow())).isPositive();
        assertThat(throttled.header("content-type")).get().asString().startsWith("application/problem+json");
        assertThat(throttled.body()).contains("Too many failed logins");
        assertThat(withTheRightPassword.status()).as("the password is not even checked: %s", withTheRightPassword)
                .isEqualTo(429);
        assertThat(withTheRightPassword.header("retry-after")).isPresent();
        assertThat(withTheRightPassword.all("set-cookie")).isEmpty();
        assertThat(api.get("/api/v1/regions").status()).as("other clients are not slowed down").isEqualTo(200);
    }

    @Test
    void repeatedWrongBasicCredentialsAre429WithRetryAfter() throws InterruptedException {
        TestUsers.Account account = users.create(Role.EDITOR, "zeeland");
        RawHttp client = new RawHttp(api.uri("/"), RawHttp.someLoopbackAddress());
        Map<String, String> wrong = Map.of("Authorization", Api.basic(account.username(), "wrong-password-guess"));

        RawHttp.Response throttled = untilThrottledFor(1, () -> client.send("GET", "/api/v1/regions", wrong, null));

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("retry-after")).isPresent();
        assertThat(throttled.header("www-authenticate")).as("a 429 is no invitation to try again now").isEmpty();
    }

    /**
     * Sends failing attempts until one is throttled for at least the given seconds. Attempts answered 429 are not
     * counted as failures (their password is never checked), so the test waits out each shorter wait.
     */
    private static RawHttp.Response untilThrottledFor(long seconds, Supplier<RawHttp.Response> attempt)
            throws InterruptedException {
        int failures = 0;
        for (int i = 0; i < ATTEMPTS; i++) {
            RawHttp.Response response = attempt.get();
            if (response.status() == 401) {
                failures++;
                continue;
            }
            assertThat(response.status()).as("attempt %d: %s", i + 1, response).isEqualTo(429);
            assertThat(failures).as("failed attempts before the first 429").isGreaterThanOrEqualTo(1);
            long retryAfter = Long.parseLong(response.header("retry-after").orElseThrow());
            if (retryAfter >= seconds) {
                return response;
            }
            Thread.sleep(retryAfter * 1000 + 100);
        }
        throw new AssertionError("no attempt was throttled for " + seconds + " s after " + ATTEMPTS + " attempts ("
                + failures + " failed)");
    }
}
