package nl.proeftuin.progress.internal;

import java.time.LocalDate;
import java.util.List;
import nl.proeftuin.api.model.DataPoint;
import nl.proeftuin.api.model.Measurement;

/** The actual pace of a KPI: the slope of its recent measurements. */
public final class Trend {

    /** The trend looks at this many days before the latest period, so old history fades out. */
    public static final int WINDOW_DAYS = 365;

    /** Not instantiable: static methods only. */
    private Trend() {
    }

    /**
     * The actual pace, in the KPI's unit per day: the least-squares slope of value against day
     * over the measurements dated within {@value #WINDOW_DAYS} days before the latest period
     * (both ends inclusive); over all measurements when that window holds fewer than two; and
     * for a single measurement the slope of the line from the baseline to it.
     *
     * @param baseline the KPI's baseline; not {@code null}
     * @param series one measurement per period, by increasing period, as
     *     {@link Series#onePerPeriod} returns; not empty
     * @return the slope in unit per day, or NaN when there is a single measurement dated on the
     *     baseline date (no line is defined) or the slope overflows
     */
    public static double perDay(DataPoint baseline, List<Measurement> series) {
        Measurement latest = series.get(series.size() - 1);
        if (series.size() == 1) {
            long days = latest.period().toEpochDay() - baseline.date().toEpochDay();
            return days == 0 ? Double.NaN : (latest.value() - baseline.value()) / days;
        }
        LocalDate windowStart = latest.period().minusDays(WINDOW_DAYS);
        int first = series.size() - 1;
        while (first > 0 && !series.get(first - 1).period().isBefore(windowStart)) {
            first--;
        }
        List<Measurement> window = series.size() - first >= 2 ? series.subList(first, series.size())
                : series;
        return slope(window, latest.period().toEpochDay());
    }

    /**
     * Ordinary least squares over points with distinct dates; days are counted from
     * {@code origin} so that the sums stay small and precise.
     */
    private static double slope(List<Measurement> points, long origin) {
        int n = points.size();
        double meanX = 0;
        double meanY = 0;
        for (Measurement p : points) {
            meanX += p.period().toEpochDay() - origin;
            meanY += p.value();
        }
        meanX /= n;
        meanY /= n;
        double sxy = 0;
        double sxx = 0;
        for (Measurement p : points) {
            double dx = p.period().toEpochDay() - origin - meanX;
            sxy += dx * (p.value() - meanY);
            sxx += dx * dx;
        }
        double slope = sxy / sxx;
        return Double.isFinite(slope) ? slope : Double.NaN;
    }
}
