package nl.proeftuin.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A named series of measurements from one run, e.g. 20 drop-to-visible times in milliseconds.
 *
 * <p>Not thread-safe: add from one thread.
 */
public final class Series {

    private final String name;
    private final List<Double> values = new ArrayList<>();

    /**
     * An empty series.
     *
     * @param name what it measures, as the first cell of its table row
     */
    public Series(String name) {
        this.name = name;
    }

    /**
     * Adds a value.
     *
     * @param value the value
     * @return the value
     */
    public double add(double value) {
        values.add(value);
        return value;
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the value added last, or NaN when there is none */
    public double last() {
        return values.isEmpty() ? Double.NaN : values.get(values.size() - 1);
    }

    /** @return true when it has no values */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** @return its statistics */
    public Stats stats() {
        return Stats.of(values);
    }

    /**
     * A table of series: n, median, p95, min and max.
     *
     * @param firstHeader the header of the name column
     * @param unit the unit of the values, e.g. {@code ms}
     * @param series the series; empty ones are left out
     * @return the table
     */
    public static Table table(String firstHeader, String unit, List<Series> series) {
        Table table = new Table(firstHeader, "n", "median " + unit, "p95 " + unit, "min " + unit, "max " + unit);
        for (Series s : series) {
            if (!s.isEmpty()) {
                Stats stats = s.stats();
                table.row(s.name(), stats.n(), stats.median(), stats.percentile(95), stats.min(), stats.max());
            }
        }
        return table;
    }

    /**
     * The raw values of series as a Markdown list.
     *
     * @param series the series
     * @return one line per series
     */
    public static String raw(List<Series> series) {
        return series.stream().filter(s -> !s.isEmpty())
                .map(s -> "- " + s.name() + ": " + s.values.stream().map(Stats::format).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
    }
}
