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
        List<String> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
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
                    errors.add("Line " + line + ": expected 2 or 3 fields (period, value, source), found " + record.size() + ".");
                    continue;
                }
                rows.add(new Row(record.get(0), record.get(1), record.size() > 2 ? record.get(2) : null));
                lines.add(line);
            }
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw ApiException.badRequest("The CSV cannot be read: " + e.getMessage());
        }
        return convert(kpiId, rows, lines, delimiter == ';', errors, "Line");
    }

    static List<Measurement> fromRows(String kpiId, List<Row> rows) {
        List<Long> positions = new ArrayList<>();
        for (long i = 1; i <= rows.size(); i++) {
            positions.add(i);
        }
        return convert(kpiId, rows, positions, false, new ArrayList<>(), "Item");
    }

    private static List<Measurement> convert(String kpiId, List<Row> rows, List<Long> lines, boolean decimalComma,
            List<String> errors, String where) {
        List<Measurement> result = new ArrayList<>();
        Map<LocalDate, Long> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            long line = lines.get(i);
            List<String> rowErrors = new ArrayList<>();
            LocalDate period = period(row.period(), rowErrors);
            Double value = value(row.value(), decimalComma, rowErrors);
            String source = row.source() == null ? "" : row.source().strip();
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
                result.add(new Measurement(kpiId, period, value, source));
            } else {
                errors.add(where + " " + line + ": " + String.join("; ", rowErrors) + ".");
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors.size() + (errors.size() == 1 ? " row is" : " rows are")
                    + " wrong, so nothing was recorded. Correct them and send the whole file again.", errors);
        }
        if (result.isEmpty()) {
            throw ApiException.badRequest("There are no measurements in the request.");
        }
        return result;
    }

    static LocalDate period(String text, List<String> errors) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            errors.add("period is empty");
            return null;
        }
        try {
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

    static Double value(String text, boolean decimalComma, List<String> errors) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            errors.add("value is empty");
            return null;
        }
        // in a semicolon file 1.234,5 is Dutch (dots group thousands); 12.5 without a comma keeps its decimal point
        String normal = decimalComma && value.contains(",") ? value.replace(".", "").replace(',', '.') : value;
        try {
            double number = new BigDecimal(normal).doubleValue();
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
