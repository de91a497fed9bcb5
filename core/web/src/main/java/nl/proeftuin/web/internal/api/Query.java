package nl.proeftuin.web.internal.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reads query parameters, with errors that name the parameter and the expected form. Stateless. */
public final class Query {

    private Query() {
    }

    /**
     * A parameter's text.
     *
     * @param request the request
     * @param name the parameter
     * @return the value without surrounding blanks, or null when absent or empty
     */
    public static String text(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * A parameter that is a date.
     *
     * @param request the request
     * @param name the parameter
     * @return the date, or null when absent
     * @throws ApiException 400 naming the parameter when it is not an ISO date
     */
    public static LocalDate date(HttpServletRequest request, String name) {
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

    /**
     * A parameter that is a whole number within bounds.
     *
     * @param request the request
     * @param name the parameter
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @param absent the value when the parameter is absent
     * @return the number
     * @throws ApiException 400 naming the parameter, the value and the bounds
     */
    public static long number(HttpServletRequest request, String name, long min, long max, long absent) {
        String value = text(request, name);
        if (value == null) {
            return absent;
        }
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below, with the same words as a number out of bounds
        }
        throw ApiException.badRequest("Parameter " + name + " is \"" + value + "\"; expected a whole number from "
                + min + " to " + max + ".");
    }

    /**
     * Whether a value passes an optional filter.
     *
     * @param filter the filter's value, or null for none
     * @param value the value
     * @return true when the filter is absent or equals the value
     */
    public static boolean matches(String filter, String value) {
        return filter == null || filter.equals(value);
    }
}
