package nl.proeftuin.pilot.groningen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CSV of monthly counts shipped in the bundle: lines {@code maand,woningen_beoordeeld}
 * such as {@code 2024-03,412}, after a header line; lines starting with {@code #} and blank lines
 * are comments.
 */
final class MonthlyCounts {

    /** The header line the file must have. */
    static final String HEADER = "maand,woningen_beoordeeld";

    private MonthlyCounts() {
    }

    /**
     * One month's count.
     *
     * @param month the month counted
     * @param homes the homes assessed in that month, zero or more
     */
    record MonthlyCount(YearMonth month, int homes) {
    }

    /**
     * Parses the file.
     *
     * @param in the CSV, UTF-8; not closed by this method
     * @param name the file name, for messages
     * @return the counts, by increasing month
     * @throws IOException if the file cannot be read, has no header, or a line is not a valid count
     *     or not later than the line before; the message names the file and the line number
     */
    static List<MonthlyCount> parse(InputStream in, String name) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<MonthlyCount> counts = new ArrayList<>();
        boolean header = false;
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!text.equals(HEADER)) {
                    throw new IOException(name + ":" + number + ": expected the header \"" + HEADER
                            + "\", found \"" + text + "\"");
                }
                header = true;
                continue;
            }
            MonthlyCount count = parseLine(text, name, number);
            if (!counts.isEmpty() && !count.month().isAfter(counts.get(counts.size() - 1).month())) {
                throw new IOException(name + ":" + number + ": month " + count.month()
                        + " is not after the month of the line before");
            }
            counts.add(count);
        }
        if (!header) {
            throw new IOException(name + ": no header \"" + HEADER + "\"");
        }
        return counts;
    }

    private static MonthlyCount parseLine(String text, String name, int number) throws IOException {
        String[] fields = text.split(",", -1);
        if (fields.length != 2) {
            throw new IOException(name + ":" + number + ": expected 2 fields (maand,woningen_beoordeeld), found "
                    + fields.length + " in \"" + text + "\"");
        }
        try {
            YearMonth month = YearMonth.parse(fields[0].strip());
            int homes = Integer.parseInt(fields[1].strip());
            if (homes < 0) {
                throw new IOException(name + ":" + number + ": negative count " + homes);
            }
            return new MonthlyCount(month, homes);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IOException(name + ":" + number + ": \"" + text
                    + "\" is not a month (yyyy-MM) and a whole number", e);
        }
    }
}
