package nl.proeftuin.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets and their digests.
 *
 * <p>Thread-safety: stateless apart from the {@link SecureRandom}, which is thread-safe.
 */
final class Tokens {

    /** Random bytes in a session or CSRF token: 256 bits. */
    static final int TOKEN_BYTES = 32;

    private Tokens() {
    }

    /**
     * A new secret, URL-safe.
     *
     * @param random the source
     * @return {@value #TOKEN_BYTES} random bytes in base64url without padding (43 characters)
     */
    static String newToken(SecureRandom random) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The SHA-256 of a text.
     *
     * @param text any text
     * @return 64 lowercase hex digits
     */
    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A SHA-256 digester.
     *
     * @return a new instance (instances are not thread-safe)
     */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        }
    }
}
