package nl.proeftuin.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Order statistics of one series of measurements from one run: median and nearest-rank percentiles.
 *
 * <p>Immutable; safe to share between threads.
 */
public final class Stats {

    private final List<Double> sorted;

    private Stats(List<Double> sorted) {
        this.sorted = sorted;
    }

    /**
     * Statistics of values.
     *
     * @param values the values, at least one
     * @return the statistics
     */
    public static Stats of(List<? extends Number> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to summarise");
        }
        List<Double> copy = new ArrayList<>();
        values.forEach(v -> copy.add(v.doubleValue()));
        Collections.sort(copy);
        return new Stats(Collections.unmodifiableList(copy));
    }

    /** @return how many values */
    public int n() {
        return sorted.size();
    }

    /** @return the median (the mean of the middle two for an even count) */
    public double median() {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * The nearest-rank percentile: the smallest value with at least p percent of the values at or below it.
     *
     * @param p the percentile, 0 < p <= 100
     * @return the value
     */
    public double percentile(double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** @return the smallest value */
    public double min() {
        return sorted.get(0);
    }

    /** @return the largest value */
    public double max() {
        return sorted.get(sorted.size() - 1);
    }

    /**
     * A number for a table: no decimals from 100 up, one below that, two below 1.
     *
     * @param value the number
     * @return its text
     */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        double abs = Math.abs(value);
        if (abs >= 100 || value == Math.rint(value)) {
            return String.format("%,d", Math.round(value));
        }
        return abs >= 1 ? String.format("%.1f", value) : String.format("%.2f", value);
    }
}
