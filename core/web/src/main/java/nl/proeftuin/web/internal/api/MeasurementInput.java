package nl.proeftuin.web.internal.api;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.proeftuin.api.model.Measurement;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Turns uploaded measurements (CSV or JSON rows) into {@link Measurement}s, all or nothing: every bad row is
 * reported with its line and reason, and nothing is accepted while one is bad.
 *
 * <p>Periods: a date ({@code 2025-03-31}), a month ({@code 2025-03}, stored as its last day), a quarter
 * ({@code 2025-Q1}) or a year ({@code 2025}), both stored as their last day. Values: a number with a decimal point;
 * in a file separated by semicolons (as Dutch spreadsheets export) also a decimal comma.
 */
final class MeasurementInput {

    static final List<String> HEADER = List.of("period", "value", "source");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-?Q([1-4])", Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    /**
     * One row as sent.
     *
     * @param period the period text
     * @param value the value text
     * @param source where the value comes from, may be null
     */
    record Row(String period, String value, String source) {
    }

    private MeasurementInput() {
    }

    static List<Measurement> fromCsv(String kpiId, Reader reader) throws IOException {
        String text = readAll(reader);
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = firstLine.contains(";") && !firstLine.contains(",") ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true)
                .setTrim(true).get();
        Converter converter = new Converter(kpiId, delimiter == ';', "Line");
        try (CSVParser parser = CSVParser.parse(text, format)) {
            boolean header = true;
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (header) {
                    header = false;
                    List<String> names = record.stream().map(s -> s.toLowerCase(Locale.ROOT).replace("\uFEFF", "")).toList();
                    if (!names.equals(HEADER) && !names.equals(HEADER.subList(0, 2))) {
                        throw ApiException.badRequest("The first line must be the header \"period,value,source\"; found \""
                                + String.join(String.valueOf(delimiter), record.toList()) + "\".");
                    }
                    continue;
                }
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue; // blank line
                }
                if (record.size() < 2 || record.size() > 3) {
                    converter.error(line, "expected 2 or 3 fields (period, value, source), found " + record.size());
                    continue;
                }
                converter.add(line, record.get(0), record.get(1), record.size() > 2 ? record.get(2) : null);
            }
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw ApiException.badRequest("The CSV cannot be read: " + e.getMessage());
        }
        return converter.result();
    }

    static List<Measurement> fromRows(String kpiId, List<Row> rows) {
        Converter converter = new Converter(kpiId, false, "Item");
        long item = 1;
        for (Row row : rows) {
            converter.add(item++, row.period(), row.value(), row.source());
        }
        return converter.result();
    }

    /**
     * Checks rows one by one, collecting every error. Row by row and without intermediate lists: a large import has a
     * million rows, and its parsing ran as long as storing them.
     */
    private static final class Converter {
        private final String kpiId;
        private final boolean decimalComma;
        private final String where;
        private final List<Measurement> result = new ArrayList<>();
        private final List<String> errors = new ArrayList<>();
        /** Line of each period seen, for the error that names both lines of a duplicated period. */
        private final Map<LocalDate, Long> seen = new HashMap<>();
        private final List<String> rowErrors = new ArrayList<>(3);

        Converter(String kpiId, boolean decimalComma, String where) {
            this.kpiId = kpiId;
            this.decimalComma = decimalComma;
            this.where = where;
        }

        void error(long line, String error) {
            errors.add(where + " " + line + ": " + error + ".");
        }

        void add(long line, String periodText, String valueText, String sourceText) {
            rowErrors.clear();
            LocalDate period = period(periodText, rowErrors);
            Double value = value(valueText, decimalComma, rowErrors);
            String source = sourceText == null ? "" : sourceText.strip();
            if (source.length() > 500) {
                rowErrors.add("source is longer than 500 characters");
            }
            if (period != null && rowErrors.isEmpty()) {
                Long earlier = seen.putIfAbsent(period, line);
                if (earlier != null) {
                    rowErrors.add("period " + period + " is also on " + where.toLowerCase(Locale.ROOT) + " " + earlier);
                }
            }
            if (rowErrors.isEmpty()) {
                if (errors.isEmpty()) {
                    result.add(new Measurement(kpiId, period, value, source));
                }
            } else {
                error(line, String.join("; ", rowErrors));
            }
        }

        List<Measurement> result() {
            if (!errors.isEmpty()) {
                throw ApiException.badRequest(errors.size() + (errors.size() == 1 ? " row is" : " rows are")
                        + " wrong, so nothing was recorded. Correct them and send the whole file again.", errors);
            }
            if (result.isEmpty()) {
                throw ApiException.badRequest("There are no measurements in the request.");
            }
            return result;
        }
    }

    static LocalDate period(String text, List<String> errors) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            errors.add("period is empty");
            return null;
        }
        try {
            LocalDate fast = isoDateOrMonth(value);
            if (fast != null) {
                return fast;
            }
            if (YEAR.matcher(value).matches()) {
                return LocalDate.of(Integer.parseInt(value), 12, 31);
            }
            Matcher quarter = QUARTER.matcher(value);
            if (quarter.matches()) {
                return YearMonth.of(Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2)) * 3).atEndOfMonth();
            }
            if (value.length() == 7) {
                return YearMonth.parse(value).atEndOfMonth();
            }
            return LocalDate.parse(value);
        } catch (DateTimeException e) {
            errors.add("period \"" + value + "\" is not a date (2025-03-31), month (2025-03), quarter (2025-Q1) or year (2025)");
            return null;
        }
    }

    /**
     * {@code 2025-03-31} or {@code 2025-03} read without a parser, the forms of nearly every row; null for any other
     * text, which then goes the general way (and gets its error message there).
     */
    private static LocalDate isoDateOrMonth(String value) {
        int length = value.length();
        if (length != 7 && length != 10 || value.charAt(4) != '-' || length == 10 && value.charAt(7) != '-') {
            return null;
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 5, 7);
        if (year < 0 || month < 1 || month > 12) {
            return null;
        }
        if (length == 7) {
            return YearMonth.of(year, month).atEndOfMonth();
        }
        int day = digits(value, 8, 10);
        if (day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** The number written by ASCII digits between from and to, or -1 when one is not a digit. */
    private static int digits(String text, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }

    /**
     * Whether text is a plain decimal number: an optional minus sign, digits, and at most one decimal point between
     * digits. For those, {@link Double#parseDouble} gives the same (correctly rounded) double as {@link BigDecimal},
     * without its cost; anything else (exponents, a plus sign, {@code NaN}, which {@code parseDouble} would accept)
     * goes through {@code BigDecimal}.
     */
    private static boolean isPlainDecimal(String text) {
        int start = text.charAt(0) == '-' ? 1 : 0;
        int length = text.length();
        if (start == length || length > 18) {
            return false;
        }
        boolean point = false;
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (point || i == start || i == length - 1) {
                    return false;
                }
                point = true;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static Double value(String text, boolean decimalComma, List<String> errors) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            errors.add("value is empty");
            return null;
        }
        // in a semicolon file 1.234,5 is Dutch (dots group thousands); 12.5 without a comma keeps its decimal point
        String normal = decimalComma && value.contains(",") ? value.replace(".", "").replace(',', '.') : value;
        try {
            double number = isPlainDecimal(normal) ? Double.parseDouble(normal) : new BigDecimal(normal).doubleValue();
            if (Double.isInfinite(number)) {
                errors.add("value \"" + value + "\" is too large");
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            errors.add("value \"" + value + "\" is not a number" + (decimalComma ? " (use a decimal comma, e.g. 1234,5)" : " (use a decimal point, e.g. 1234.5)"));
            return null;
        }
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n; (n = reader.read(buffer)) > 0;) {
            text.append(buffer, 0, n);
        }
        return text.toString();
    }
}
