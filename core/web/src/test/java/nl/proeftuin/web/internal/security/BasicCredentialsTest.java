package nl.proeftuin.web.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import nl.proeftuin.web.internal.api.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BasicCredentialsTest {

    private static String basic(String text) {
        return "Basic " + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsUsernameAndPasswordSplitAtTheFirstColon() {
        BasicCredentials credentials = BasicCredentials.parse(basic("ed:pass:word with ü"));

        assertThat(credentials.username()).isEqualTo("ed");
        assertThat(credentials.password()).isEqualTo("pass:word with ü");
        assertThat(credentials.toString()).doesNotContain("pass");
    }

    @Test
    void schemeIsCaseInsensitive() {
        assertThat(BasicCredentials.parse("bAsIc " + basic("ed:x").substring(6)).username()).isEqualTo("ed");
    }

    @Test
    void anotherSchemeIs401SoTheClientMayTryBasic() {
        assertThatThrownBy(() -> BasicCredentials.parse("Bearer abc.def"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.getMessage()).contains("\"Bearer\"").contains("Basic");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic", "Basic !!!not-base64!!!", "Basic ZWQ=", "Basic OnNlY3JldA=="})
    void malformedCredentialsAre400(String header) {
        // no credentials, not Base64, "ed" without a colon, ":secret" without a username
        assertThatThrownBy(() -> BasicCredentials.parse(header))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith("The Authorization header is not valid");
                });
    }

    @Test
    void credentialsThatAreNotUtf8Are400() {
        String latin1 = "Basic " + Base64.getEncoder().encodeToString("ed:caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> BasicCredentials.parse(latin1))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("UTF-8"));
    }

    @Test
    void overlongHeaderIs400WithoutDecoding() {
        String huge = "Basic " + "A".repeat(BasicCredentials.MAX_HEADER_LENGTH);

        assertThatThrownBy(() -> BasicCredentials.parse(huge))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains(String.valueOf(BasicCredentials.MAX_HEADER_LENGTH));
                });
    }
}
