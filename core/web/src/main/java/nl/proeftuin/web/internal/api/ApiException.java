package nl.proeftuin.web.internal.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request the API answers with a problem ({@code application/problem+json}) instead of a result.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final transient List<String> errors;
    private final transient Map<String, String> headers;

    /**
     * Creates the problem.
     *
     * @param status the HTTP status
     * @param title a short summary a person understands
     * @param detail what exactly is wrong and what to do
     * @param errors every single problem (e.g. one per bad CSV row), may be empty
     */
    public ApiException(int status, String title, String detail, List<String> errors) {
        this(status, title, detail, errors, Map.of());
    }

    private ApiException(int status, String title, String detail, List<String> errors, Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    /**
     * The same problem with one more response header, such as {@code WWW-Authenticate} or {@code Retry-After}.
     *
     * @param name the header's name
     * @param value its value
     * @return a new exception; this one is unchanged
     */
    public ApiException withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiException(status, title, getMessage(), errors, more);
    }

    /**
     * 401: the request names no user, or the wrong one.
     *
     * @param detail what is missing or wrong
     * @return the problem, without {@code WWW-Authenticate} (see {@link #withHeader})
     */
    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "Unauthorized", detail, List.of());
    }

    /**
     * 403: the user is known but may not do this.
     *
     * @param detail who may not do what, and what they may do instead
     * @return the problem
     */
    public static ApiException forbidden(String detail) {
        return new ApiException(403, "Forbidden", detail, List.of());
    }

    /**
     * 422: the request is well-formed but a value breaks a rule.
     *
     * @param detail which value and which rule
     * @return the problem
     */
    public static ApiException unprocessable(String detail) {
        return new ApiException(422, "Unprocessable content", detail, List.of());
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "Bad request", detail, List.of());
    }

    public static ApiException badRequest(String detail, List<String> errors) {
        return new ApiException(400, "Bad request", detail, errors);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "Not found", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<String> errors() {
        return errors;
    }

    /** @return extra response headers of the problem, by name; empty for most */
    public Map<String, String> headers() {
        return headers;
    }
}
