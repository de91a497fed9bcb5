package nl.proeftuin.web.internal.api;

import java.util.List;

/**
 * A request the API answers with a problem ({@code application/problem+json}) instead of a result.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final transient List<String> errors;

    /**
     * Creates the problem.
     *
     * @param status the HTTP status
     * @param title a short summary a person understands
     * @param detail what exactly is wrong and what to do
     * @param errors every single problem (e.g. one per bad CSV row), may be empty
     */
    public ApiException(int status, String title, String detail, List<String> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
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
}
