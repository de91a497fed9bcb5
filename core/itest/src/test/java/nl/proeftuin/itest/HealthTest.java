package nl.proeftuin.itest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import nl.proeftuin.itest.support.Api;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;

/** {@code /api/health} answers over real HTTP from Jetty, through the servlet whiteboard. */
class HealthTest {

    @InjectService(timeout = 10_000)
    ServiceAware<HttpServiceRuntime> runtime;

    @Test
    void healthAnswersOkWithStatusVersionAndBundles() throws Exception {
        HttpResponse<String> response = get(baseUri().resolve("api/health"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode health = new ObjectMapper().readTree(response.body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("version").asText()).isEqualTo("itest");
        assertThat(health.path("activeBundles").asInt()).isGreaterThan(5);
        assertThat(health.path("inactiveCoreBundles").isArray()).isTrue();
        assertThat(health.path("inactiveCoreBundles")).isEmpty();
    }

    @Test
    void unknownPathIsNotFoundForAUserAndNeedsAUserFirst() throws Exception {
        URI unknown = baseUri().resolve("api/no-such-endpoint");

        assertThat(get(unknown, Api.basic("admin", Api.ADMIN_PASSWORD)).statusCode()).isEqualTo(404);
        assertThat(get(unknown, null).statusCode()).as("nobody learns which paths exist").isEqualTo(401);
    }

    private URI baseUri() {
        ServiceReference<HttpServiceRuntime> reference = runtime.getServiceReference();
        Object endpoint = reference.getProperty("osgi.http.endpoint");
        String first = endpoint instanceof String[] all ? all[0]
                : endpoint instanceof java.util.Collection<?> all ? String.valueOf(all.iterator().next())
                : String.valueOf(endpoint);
        return URI.create(first.endsWith("/") ? first : first + "/");
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return get(uri, null);
    }

    private static HttpResponse<String> get(URI uri, String authorization) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
