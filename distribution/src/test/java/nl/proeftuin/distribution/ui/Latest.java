package nl.proeftuin.distribution.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.text.NumberFormat;
import java.util.Locale;

/** The latest measurement of a KPI as the API gives it, and its value as the dashboard must write it. */
record Latest(String period, double value) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Latest of(Platform platform, String kpiId) throws IOException {
        String body = platform.get("/api/v1/kpis/" + kpiId + "/measurements");
        if (body == null) {
            throw new AssertionError("no measurements of " + kpiId);
        }
        JsonNode last = null;
        for (JsonNode measurement : JSON.readTree(body)) {
            if (last == null || measurement.get("period").asText().compareTo(last.get("period").asText()) > 0) {
                last = measurement;
            }
        }
        if (last == null) {
            throw new AssertionError(kpiId + " has no measurement");
        }
        return new Latest(last.get("period").asText(), last.get("value").asDouble());
    }

    /** "15.064" in Dutch, "15,064" in English (whole numbers; grouping as Intl does it). */
    String value(String languageTag) {
        NumberFormat format = NumberFormat.getIntegerInstance(Locale.forLanguageTag(languageTag));
        format.setGroupingUsed(true);
        return format.format(Math.round(value));
    }
}
