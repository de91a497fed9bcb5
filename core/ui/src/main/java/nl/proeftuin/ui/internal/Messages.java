package nl.proeftuin.ui.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.TreeMap;

/**
 * Every text of the dashboard, from the resource bundles {@code messages_nl.properties} (the default language) and
 * {@code messages_en.properties}, as one JSON object per language.
 */
final class Messages {

    /** The languages the dashboard speaks; the first is the default. */
    static final List<String> LANGUAGES = List.of("nl", "en");
    static final String BASE_NAME = "nl.proeftuin.ui.internal.messages";

    private Messages() {
    }

    /** The texts of one language, by key; empty when the language is not one of {@link #LANGUAGES}. */
    static Optional<Map<String, String>> of(String language) {
        if (!LANGUAGES.contains(language)) {
            return Optional.empty();
        }
        ResourceBundle bundle;
        try {
            bundle = ResourceBundle.getBundle(BASE_NAME, Locale.forLanguageTag(language), Messages.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
        Map<String, String> texts = new TreeMap<>();
        bundle.keySet().forEach(key -> texts.put(key, bundle.getString(key)));
        return Optional.of(texts);
    }

    /** {@code {"lang": "nl", "messages": {...}}}, keys sorted. */
    static String json(String language, Map<String, String> texts) {
        StringBuilder out = new StringBuilder(16 * 1024).append("{\"lang\":").append(quote(language)).append(",\"messages\":{");
        boolean first = true;
        for (Map.Entry<String, String> entry : texts.entrySet()) {
            out.append(first ? "" : ",").append(quote(entry.getKey())).append(':').append(quote(entry.getValue()));
            first = false;
        }
        return out.append("}}").toString();
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
