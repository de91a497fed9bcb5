package nl.proeftuin.web.internal.security;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import nl.proeftuin.web.internal.api.ApiException;

/**
 * The username and password of an {@code Authorization: Basic} header (RFC 7617, UTF-8).
 *
 * @param username the part before the first colon
 * @param password the rest; never logged
 */
record BasicCredentials(String username, String password) {

    /** Longer headers are refused unread: no password needs more, and the check is slow by design. */
    static final int MAX_HEADER_LENGTH = 4096;

    /** Leaves the password out, so that credentials logged by mistake give nothing away. */
    @Override
    public String toString() {
        return "BasicCredentials[username=" + username + "]";
    }

    /**
     * Reads an {@code Authorization} header.
     *
     * @param header the header's value
     * @return the credentials
     * @throws ApiException 401 for another scheme than Basic (the client may try again with Basic), 400 when the
     *     Basic credentials are not Base64 of UTF-8 {@code username:password}
     */
    static BasicCredentials parse(String header) {
        String value = header.strip();
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space);
        if (!scheme.toLowerCase(Locale.ROOT).equals("basic")) {
            throw ApiException.unauthorized("The Authorization header uses the scheme \"" + shorten(scheme)
                    + "\"; this platform accepts only Basic (username and password) or its session cookie.");
        }
        if (value.length() > MAX_HEADER_LENGTH) {
            throw ApiException.badRequest("The Authorization header is " + value.length()
                    + " characters long; at most " + MAX_HEADER_LENGTH + " are accepted.");
        }
        String encoded = space < 0 ? "" : value.substring(space + 1).strip();
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("The Authorization header is not valid: after \"Basic \" it must hold "
                    + "username:password in Base64.");
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("The Authorization header is not valid: username:password must be UTF-8.");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw ApiException.badRequest("The Authorization header is not valid: the decoded credentials must be "
                    + "username:password, with a username before the colon.");
        }
        return new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /** A scheme named in an error message, cut to a readable length. */
    private static String shorten(String scheme) {
        String printable = scheme.replaceAll("[^\\x21-\\x7e]", "?");
        return printable.length() > 20 ? printable.substring(0, 20) + "..." : printable;
    }
}
