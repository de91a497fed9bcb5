package nl.proeftuin.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(Fixture.ITERATIONS, new SecureRandom());

    @Test
    void storesIterationsSixteenBytesOfSaltAndThirtyTwoBytesOfKey() {
        String hash = hasher.hash("correct horse battery");

        String[] parts = hash.split("\\$");
        assertThat(parts).hasSize(4);
        assertThat(parts[0]).isEqualTo("pbkdf2-sha256");
        assertThat(parts[1]).isEqualTo(String.valueOf(Fixture.ITERATIONS));
        assertThat(Base64.getDecoder().decode(parts[2])).hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[3])).hasSize(32);
        assertThat(hash).doesNotContain("correct");
    }

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = hasher.hash("correct horse battery");

        assertThat(hasher.verify("correct horse battery", hash)).isTrue();
        assertThat(hasher.verify("correct horse batterY", hash)).isFalse();
        assertThat(hasher.verify("", hash)).isFalse();
    }

    @Test
    void matchesAKnownPbkdf2Sha256Vector() {
        // RFC 7914 section 11: PBKDF2-HMAC-SHA256("passwd", "salt", c=1, dkLen=64), first 32 bytes
        String stored = "pbkdf2-sha256$1$" + Base64.getEncoder().encodeToString("salt".getBytes())
                + "$" + Base64.getEncoder().encodeToString(hex(
                        "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"));

        assertThat(hasher.verify("passwd", stored)).isTrue();
        assertThat(hasher.verify("passwe", stored)).isFalse();
    }

    @Test
    void saltsEveryHashAfresh() {
        assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
    }

    @Test
    void handlesPasswordsBeyondAscii() {
        String hash = hasher.hash("wachtwoord-één-🌷");

        assertThat(hasher.verify("wachtwoord-één-🌷", hash)).isTrue();
        assertThat(hasher.verify("wachtwoord-een-🌷", hash)).isFalse();
    }

    @Test
    void refusesHashesInAnyOtherFormat() {
        for (String stored : new String[] {"", "plain text", "pbkdf2-sha256$1000$c2FsdA==",
                "pbkdf2-sha1$1000$c2FsdA==$aGFzaA==", "pbkdf2-sha256$0$c2FsdA==$aGFzaA==",
                "pbkdf2-sha256$99999999999$c2FsdA==$aGFzaA==", "pbkdf2-sha256$1000$!!$aGFzaA=="}) {
            assertThat(hasher.verify("anything", stored)).as(stored).isFalse();
        }
    }

    @Test
    void asksForARehashWhenAHashHasFewerIterationsThanConfigured() {
        PasswordHasher stronger = new PasswordHasher(Fixture.ITERATIONS * 2, new SecureRandom());
        String weak = hasher.hash("correct horse battery");

        assertThat(stronger.needsRehash(weak)).isTrue();
        assertThat(stronger.verify("correct horse battery", weak)).as("old hashes stay valid").isTrue();
        assertThat(stronger.needsRehash(stronger.hash("correct horse battery"))).isFalse();
        assertThat(hasher.needsRehash(stronger.hash("x"))).as("more iterations are kept").isFalse();
    }

    @Test
    void aDummyCheckCostsAHashToo() {
        hasher.verifyDummy("warm up");
        long before = hasher.derivations();

        hasher.verifyDummy("guess");

        assertThat(hasher.derivations()).isEqualTo(before + 1);
    }

    @Test
    void theConfigurationMustAskForEnoughIterations() {
        assertThat(PasswordHasher.of(config(Map.of()), new SecureRandom()).needsRehash(
                "pbkdf2-sha256$599999$c2FsdA==$aGFzaA==")).isTrue();
        assertThatThrownBy(() -> PasswordHasher.of(config(Map.of("pbkdf2Iterations", 1000)), new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nl.proeftuin.security: pbkdf2Iterations=1000 is too few (expected at least 100000)");
    }

    /** A configuration with the defaults of {@link SecurityConfig}, some overridden. */
    static SecurityConfig config(Map<String, Object> overrides) {
        return (SecurityConfig) Proxy.newProxyInstance(SecurityConfig.class.getClassLoader(),
                new Class<?>[] {SecurityConfig.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "config " + overrides
                                : method.getName().equals("hashCode") ? 0 : proxy == args[0];
                    }
                    return overrides.getOrDefault(method.getName(), method.getDefaultValue());
                });
    }

    private static byte[] hex(String hex) {
        return java.util.HexFormat.of().parseHex(hex);
    }
}
