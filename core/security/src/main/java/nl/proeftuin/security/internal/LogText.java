package nl.proeftuin.security.internal;

/**
 * Makes text typed by anybody (such as a username tried at the login) safe for a log line.
 *
 * <p>Stateless; may be used from any thread.
 */
final class LogText {

    private LogText() {
    }

    /**
     * Quotes a text and escapes control characters, quotes and backslashes, so that it cannot
     * forge log lines.
     *
     * @param text any text, or {@code null}
     * @return the whole text in double quotes, or {@code null} unquoted
     */
    static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
