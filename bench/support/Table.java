package nl.proeftuin.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Markdown table, built row by row. Columns whose header ends with a unit in brackets or that hold numbers are
 * right-aligned.
 *
 * <p>Not thread-safe: build it on one thread.
 */
public final class Table {

    private final List<String> headers;
    private final boolean[] numeric;
    private final List<List<String>> rows = new ArrayList<>();

    /**
     * A table with these column headers; the first column is text, the others numbers unless marked with a leading
     * {@code <} (which is stripped).
     *
     * @param headers the headers
     */
    public Table(String... headers) {
        this.headers = new ArrayList<>();
        this.numeric = new boolean[headers.length];
        for (int i = 0; i < headers.length; i++) {
            boolean text = i == 0 || headers[i].startsWith("<");
            numeric[i] = !text;
            this.headers.add(text && headers[i].startsWith("<") ? headers[i].substring(1) : headers[i]);
        }
    }

    /**
     * Adds a row; numbers are formatted with {@link Stats#format(double)}.
     *
     * @param cells one cell per column: text or numbers
     * @return this table
     */
    public Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("row " + Arrays.toString(cells) + " has " + cells.length
                    + " cells; the table has " + headers.size() + " columns");
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell instanceof Number number ? Stats.format(number.doubleValue()) : String.valueOf(cell));
        }
        rows.add(row);
        return this;
    }

    /** @return the table in Markdown */
    public String markdown() {
        StringBuilder md = new StringBuilder("| ").append(String.join(" | ", headers)).append(" |\n|");
        for (boolean n : numeric) {
            md.append(n ? "---:|" : "---|");
        }
        md.append('\n');
        for (List<String> row : rows) {
            md.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return md.toString();
    }
}
