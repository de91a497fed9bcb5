package nl.proeftuin.web.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecurityPolicyTest {

    static SecurityPolicy.Config config(boolean secureCookies, String... allowedOrigins) {
        return (SecurityPolicy.Config) Proxy.newProxyInstance(SecurityPolicyTest.class.getClassLoader(),
                new Class<?>[] {SecurityPolicy.Config.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "secureCookies" -> secureCookies;
                    case "allowedOrigins" -> allowedOrigins;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @ParameterizedTest(name = "Origin {0}, Host {1}: {2}")
    @CsvSource({
        "http://localhost:8080, localhost:8080, true",
        "HTTP://LocalHost:8080, localhost:8080, true",
        "https://proeftuin.example.nl, proeftuin.example.nl, true",
        "http://proeftuin.example.nl, proeftuin.example.nl, true",
        "http://[::1]:8080, [::1]:8080, true",
        "http://localhost:8081, localhost:8080, false",
        "http://evil.example, localhost:8080, false",
        "http://localhost.evil.example:8080, localhost:8080, false",
        "null, localhost:8080, false",
        "http://localhost:8080/path, localhost:8080, false",
        "ftp://localhost:8080, localhost:8080, false",
        "not a uri, localhost:8080, false"})
    void writesAreAcceptedFromTheOwnOriginOnly(String origin, String host, boolean accepted) {
        SecurityPolicy policy = new SecurityPolicy(config(false));

        assertThat(policy.sameOrigin(new FakeRequest().header("Origin", origin).header("Host", host).build()))
                .isEqualTo(accepted);
    }

    @Test
    void requestWithoutOriginIsNoCrossSiteRequest() {
        assertThat(new SecurityPolicy(config(false)).sameOrigin(new FakeRequest().header("Host", "x").build())).isTrue();
    }

    @Test
    void configuredOriginsAreAcceptedToo() {
        SecurityPolicy policy = new SecurityPolicy(config(false, "https://proeftuin.example.nl/, https://b.example"));

        assertThat(policy.sameOrigin(new FakeRequest().header("Origin", "https://proeftuin.example.nl")
                .header("Host", "10.0.0.5:8080").build())).isTrue();
        assertThat(policy.sameOrigin(new FakeRequest().header("Origin", "https://b.example")
                .header("Host", "10.0.0.5:8080").build())).isTrue();
        assertThat(policy.sameOrigin(new FakeRequest().header("Origin", "https://c.example")
                .header("Host", "10.0.0.5:8080").build())).isFalse();
    }

    @Test
    void cookieIsHttpOnlyStrictAndSecureOnHttpsOrWhenConfigured() {
        SecurityPolicy plain = new SecurityPolicy(config(false));
        SecurityPolicy configured = new SecurityPolicy(config(true));

        assertThat(plain.clearingCookie(new FakeRequest().build()))
                .startsWith("proeftuin_session=; Max-Age=0;")
                .contains("; Path=/; HttpOnly; SameSite=Strict").doesNotContain("Secure");
        assertThat(plain.clearingCookie(new FakeRequest().secure().build())).endsWith("; Secure");
        assertThat(configured.clearingCookie(new FakeRequest().build())).endsWith("; Secure");
    }

    @Test
    void onlyCookieValuesThatCanBeTokensAreTried() {
        String token = "A".repeat(43);
        SecurityPolicy.Cookies cookies = SecurityPolicy.sessionCookies(new FakeRequest()
                .header("Cookie", "other=1; proeftuin_session=\"" + token + "\"", "proeftuin_session=<script>").build());

        assertThat(cookies.present()).isTrue();
        assertThat(cookies.tokens()).containsExactly(token);
        assertThat(SecurityPolicy.sessionCookies(new FakeRequest().header("Cookie", "a=b").build()).present()).isFalse();
    }
}
