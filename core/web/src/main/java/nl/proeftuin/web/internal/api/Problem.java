package nl.proeftuin.web.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail.
 *
 * @param type a URI for the kind of problem ({@code about:blank} when the status says it all)
 * @param title a short summary
 * @param status the HTTP status
 * @param detail what is wrong and what to do
 * @param instance the request path
 * @param errors every single problem, when there are several
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<String> errors) {
}
