package nl.proeftuin.web.internal.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reads query parameters, with errors that name the parameter and the expected form. */
final class Query {

    private Query() {
    }

    /** A parameter's value, or null when absent or empty. */
    static String text(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    static LocalDate date(HttpServletRequest request, String name) {
        String value = text(request, name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("Parameter " + name + " is \"" + value + "\"; expected a date like 2025-12-31.");
        }
    }

    /** True when the filter is absent or equals the value. */
    static boolean matches(String filter, String value) {
        return filter == null || filter.equals(value);
    }
}
