package nl.proeftuin.itest.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;

/**
 * One answer of the platform.
 *
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the body as text
 */
public record ApiResponse(int status, HttpHeaders headers, String body) {

    /** The media type without parameters, e.g. {@code application/problem+json}; empty when absent. */
    public String mediaType() {
        return headers.firstValue("Content-Type").map(type -> type.split(";", 2)[0].strip()).orElse("");
    }

    /** The body as JSON. */
    public JsonNode json() {
        try {
            return Api.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON (" + status + " " + mediaType() + "): " + body, e);
        }
    }

    /** The problem's detail, for an {@code application/problem+json} answer. */
    public String detail() {
        return json().path("detail").asText();
    }

    @Override
    public String toString() {
        return status + " " + mediaType() + " " + (body.length() > 2000 ? body.substring(0, 2000) + "..." : body);
    }
}
