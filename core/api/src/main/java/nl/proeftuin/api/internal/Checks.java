package nl.proeftuin.api.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Validation shared by the records of the API.
 *
 * <p>This package is private to the API bundle: it is not exported, so pilots and core bundles
 * cannot depend on it. Every check throws {@link IllegalArgumentException} (also for
 * {@code null}) with a message of the form {@code Owner.field: <bad value> <problem>}, where
 * string values are shown in double quotes, so that a pilot author can find the offending value
 * in their code. Checks return the (possibly normalised or copied) value, so a compact
 * constructor can write {@code id = Checks.slug("Kpi", "id", id);}.
 */
public final class Checks {

    /** The longest slug accepted, in characters. */
    public static final int SLUG_MAX_LENGTH = 64;

    /** A slug without the length limit, which is checked separately. */
    /** A CBS area code: provincie, gemeente, wijk or buurt prefix, then 2-8 digits. */
    private static final Pattern CBS_CODE = Pattern.compile("(PV|GM|WK|BU)[0-9]{2,8}");

    /** Not instantiable: static methods only. */
    private Checks() {
    }

    /**
     * Requires a value to be present.
     *
     * @param <T> the type of the value
     * @param owner the simple name of the record being checked, e.g. {@code "Kpi"}
     * @param field the component name, e.g. {@code "direction"}
     * @param value the value to check
     * @return {@code value}, never {@code null}
     * @throws IllegalArgumentException if {@code value} is {@code null}
     */
    public static <T> T notNull(String owner, String field, T value) {
        if (value == null) {
            throw fail(owner, field, "null (a value is required)");
        }
        return value;
    }

    /**
     * Requires a slug: lowercase letters and digits in groups joined by single hyphens, 1 to
     * {@value #SLUG_MAX_LENGTH} characters, e.g. {@code "homes-insulated"}.
     *
     * @param owner the simple name of the record being checked
     * @param field the component name
     * @param value the value to check
     * @return {@code value}, unchanged
     * @throws IllegalArgumentException if {@code value} is {@code null} or not a slug
     */
    public static String slug(String owner, String field, String value) {
        if (value == null || value.length() > SLUG_MAX_LENGTH || !isSlug(value)) {
            throw fail(owner, field, show(value) + " is not a slug (expected lowercase letters,"
                    + " digits and single hyphens, 1-" + SLUG_MAX_LENGTH
                    + " characters, e.g. \"homes-insulated\")");
        }
        return value;
    }

    /**
     * Whether text matches {@code [a-z0-9]+(-[a-z0-9]+)*}. A loop rather than a regular expression:
     * every measurement checks its KPI id, a million of them in a large import.
     */
    static boolean isSlug(String value) {
        int length = value.length();
        if (length == 0 || value.charAt(0) == '-' || value.charAt(length - 1) == '-') {
            return false;
        }
        char previous = 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            boolean hyphen = c == '-';
            if (!hyphen && !(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') || hyphen && previous == '-') {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /**
     * Like {@link #slug(String, String, String)}, but {@code null} is allowed and means "absent".
     *
     * @param owner the simple name of the record being checked
     * @param field the component name
     * @param value the value to check, may be {@code null}
     * @return {@code value}, unchanged, possibly {@code null}
     * @throws IllegalArgumentException if {@code value} is not {@code null} and not a slug
     */
    public static String optionalSlug(String owner, String field, String value) {
        return value == null ? null : slug(owner, field, value);
    }

    /**
     * Requires text with at least one non-whitespace character. The text is kept exactly as
     * given (not stripped).
     *
     * @param owner the simple name of the record being checked
     * @param field the component name
     * @param value the value to check
     * @return {@code value}, unchanged
     * @throws IllegalArgumentException if {@code value} is {@code null} or blank
     */
    public static String nonBlank(String owner, String field, String value) {
        if (value == null) {
            throw fail(owner, field, "null (expected non-blank text)");
        }
        if (value.isBlank()) {
            throw fail(owner, field, show(value) + " is blank (expected non-blank text)");
        }
        return value;
    }

    /**
     * Normalises optional free text: {@code null} becomes the empty string, anything else is kept
     * as given.
     *
     * @param value the value, may be {@code null}
     * @return {@code value}, or {@code ""} if it was {@code null}
     */
    public static String optionalText(String value) {
        return value == null ? "" : value;
    }

    /**
     * Requires a finite number (not NaN, not infinite).
     *
     * @param owner the simple name of the record being checked
     * @param field the component name
     * @param value the value to check
     * @return {@code value}, unchanged
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     */
    public static double finite(String owner, String field, double value) {
        if (!Double.isFinite(value)) {
            throw fail(owner, field, "value " + value + " is not a finite number");
        }
        return value;
    }

    /**
     * Copies a list into an unmodifiable list, rejecting a {@code null} list and {@code null}
     * elements. An empty list is allowed.
     *
     * @param <T> the element type
     * @param owner the simple name of the record being checked
     * @param field the component name
     * @param list the list to copy
     * @return an unmodifiable copy of {@code list}, never {@code null}
     * @throws IllegalArgumentException if {@code list} is {@code null} or has a {@code null}
     *     element
     */
    public static <T> List<T> list(String owner, String field, List<T> list) {
        if (list == null) {
            throw fail(owner, field, "null (expected a list; use List.of() for none)");
        }
        // copy first so that the checks below see the same elements as the record keeps
        List<T> copy = new ArrayList<>(list);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i) == null) {
                throw fail(owner, field + "[" + i + "]", "null (lists may not contain null)");
            }
        }
        return List.copyOf(copy);
    }

    /**
     * Like {@link #list(String, String, List)}, but the list must have at least one element.
     *
     * @param <T> the element type
     * @param owner the simple name of the record being checked
     * @param field the component name
     * @param list the list to copy
     * @return an unmodifiable, non-empty copy of {@code list}
     * @throws IllegalArgumentException if {@code list} is {@code null}, empty or has a
     *     {@code null} element
     */
    public static <T> List<T> nonEmptyList(String owner, String field, List<T> list) {
        List<T> copy = list(owner, field, list);
        if (copy.isEmpty()) {
            throw fail(owner, field, "[] is empty (expected at least one element)");
        }
        return copy;
    }

    /**
     * Copies a list of slugs, checking every element with {@link #slug(String, String, String)}.
     *
     * @param owner the simple name of the record being checked
     * @param field the component name
     * @param list the list to copy
     * @return an unmodifiable copy of {@code list}
     * @throws IllegalArgumentException if {@code list} is {@code null} or an element is
     *     {@code null} or not a slug
     */
    public static List<String> slugList(String owner, String field, List<String> list) {
        List<String> copy = list(owner, field, list);
        for (int i = 0; i < copy.size(); i++) {
            slug(owner, field + "[" + i + "]", copy.get(i));
        }
        return copy;
    }

    /**
     * Copies a list of texts, checking every element with
     * {@link #nonBlank(String, String, String)}.
     *
     * @param owner the simple name of the record being checked
     * @param field the component name
     * @param list the list to copy
     * @return an unmodifiable copy of {@code list}
     * @throws IllegalArgumentException if {@code list} is {@code null} or an element is
     *     {@code null} or blank
     */
    public static List<String> nonBlankList(String owner, String field, List<String> list) {
        List<String> copy = list(owner, field, list);
        for (int i = 0; i < copy.size(); i++) {
            nonBlank(owner, field + "[" + i + "]", copy.get(i));
        }
        return copy;
    }

    /**
     * Requires a CBS area code: {@code PV} (provincie), {@code GM} (gemeente), {@code WK} (wijk)
     * or {@code BU} (buurt) followed by 2 to 8 digits, e.g. {@code "PV29"} or {@code "GM0014"}.
     *
     * @param owner the simple name of the record being checked
     * @param field the component name
     * @param value the value to check
     * @return {@code value}, unchanged
     * @throws IllegalArgumentException if {@code value} is {@code null} or not a CBS code
     */
    public static String cbsCode(String owner, String field, String value) {
        if (value == null || !CBS_CODE.matcher(value).matches()) {
            throw fail(owner, field, show(value) + " is not a CBS code (expected PV, GM, WK or BU"
                    + " followed by 2-8 digits, e.g. \"PV29\" or \"GM0014\")");
        }
        return value;
    }

    /**
     * Requires the absolute path of a resource inside a bundle: it starts with {@code "/"}, and
     * consists of non-empty segments separated by single slashes, none of them {@code "."} or
     * {@code ".."}, e.g. {@code "/web"} or {@code "/geo/zeeland.geojson"}. A trailing slash and
     * the bare root {@code "/"} are rejected.
     *
     * @param owner the simple name of the record being checked
     * @param field the component name
     * @param value the value to check
     * @return {@code value}, unchanged
     * @throws IllegalArgumentException if {@code value} is {@code null} or not such a path
     */
    public static String absolutePath(String owner, String field, String value) {
        if (value == null || !value.startsWith("/")) {
            throw fail(owner, field, show(value)
                    + " is not an absolute path (expected a path inside the bundle starting with"
                    + " \"/\", e.g. \"/web\")");
        }
        segments(owner, field, value, value.substring(1));
        return value;
    }

    /**
     * Requires a path relative to some folder: it does not start with {@code "/"}, and consists
     * of non-empty segments separated by single slashes, none of them {@code "."} or
     * {@code ".."}, e.g. {@code "index.html"} or {@code "pages/start.html"}.
     *
     * @param owner the simple name of the record being checked
     * @param field the component name
     * @param value the value to check
     * @return {@code value}, unchanged
     * @throws IllegalArgumentException if {@code value} is {@code null} or not such a path
     */
    public static String relativePath(String owner, String field, String value) {
        if (value == null || value.startsWith("/")) {
            throw fail(owner, field, show(value)
                    + " is not a relative path (expected a path without a leading \"/\","
                    + " e.g. \"index.html\")");
        }
        segments(owner, field, value, value);
        return value;
    }

    /**
     * Builds the exception every check throws, so that records with checks of their own (such as
     * the order of dates) report in the same form.
     *
     * @param owner the simple name of the record being checked
     * @param field the component name, possibly with an index such as {@code "targets[1]"}
     * @param problem the bad value and what is wrong with it
     * @return the exception, for the caller to throw
     */
    public static IllegalArgumentException fail(String owner, String field, String problem) {
        return new IllegalArgumentException(owner + "." + field + ": " + problem);
    }

    /**
     * Shows a string value in a message: in double quotes, or {@code null} without quotes.
     *
     * @param value the value, may be {@code null}
     * @return the value as it appears in messages
     */
    public static String show(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    /**
     * Checks the slash-separated segments of a path.
     *
     * @param owner the simple name of the record being checked
     * @param field the component name
     * @param value the whole path, as shown in the message
     * @param relative the part of {@code value} to split into segments
     */
    private static void segments(String owner, String field, String value, String relative) {
        // split with limit -1 keeps trailing empty segments, so "a/" and "a//b" are caught
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty()) {
                throw fail(owner, field, show(value)
                        + " has an empty segment (no \"//\", no trailing \"/\")");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw fail(owner, field, show(value) + " has a \"" + segment
                        + "\" segment (paths must stay inside the bundle)");
            }
        }
    }
}
