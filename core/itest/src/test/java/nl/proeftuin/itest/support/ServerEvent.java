package nl.proeftuin.itest.support;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One server-sent event of {@code GET /api/v1/events}.
 *
 * @param id the {@code id:} line
 * @param event the {@code event:} line, e.g. {@code bundle}
 * @param data the {@code data:} line as JSON
 */
public record ServerEvent(String id, String event, JsonNode data) {

    /** The {@code kind} in the data, e.g. {@code INSTALLED}. */
    public String kind() {
        return data.path("kind").asText();
    }

    /** A field of the data as text; empty when absent. */
    public String get(String field) {
        return data.path(field).asText();
    }

    /** True for an event of this name and kind about this bundle. */
    public boolean is(String eventName, String eventKind, String symbolicName) {
        return eventName.equals(event) && eventKind.equals(kind()) && symbolicName.equals(get("symbolicName"));
    }
}
