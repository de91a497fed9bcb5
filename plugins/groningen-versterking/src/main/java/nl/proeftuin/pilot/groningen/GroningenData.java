package nl.proeftuin.pilot.groningen;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import nl.proeftuin.api.model.Measurement;

/**
 * The initial measurements shipped with the bundle: quarterly series up to and including the third
 * quarter of 2026 for every KPI except the homes assessed, which {@link GroningenAssessmentFeed}
 * delivers.
 *
 * <p>The values are example data computed from a simple formula per KPI and a fixed table of
 * deviations, so every start yields the same series; the core imports them once. They show the
 * gap the reports describe: about 1,000 homes reinforced, far behind the target.
 */
final class GroningenData {

    /** The last quarter of every series. */
    static final YearMonth LAST_QUARTER_END = YearMonth.of(2026, 9);
    /** The source stated on every measurement. */
    static final String SOURCE = "Voorbeelddata Proeftuin Groningen (berekend, geen echte meting)";

    /** Fixed deviations in [-1, 1], cycled through; the same table on every run. */
    private static final double[] NOISE = {0.31, -0.72, 0.55, -0.08, 0.93, -0.41, 0.17, -0.86, 0.64, -0.23,
        0.02, 0.78, -0.57, 0.36};

    private GroningenData() {
    }

    /**
     * Computes the series.
     *
     * @return the measurements, without {@code recordedBy} and {@code recordedAt}
     */
    static List<Measurement> initialMeasurements() {
        List<Measurement> all = new ArrayList<>();
        // about 200 homes were reinforced at the start of 2019, some 26 a quarter since: about 1,000 now
        all.addAll(quarterly(GroningenKpis.WONINGEN_VERSTERKT, YearMonth.of(2019, 3), 0, q -> {
            double total = 200;
            for (int i = 0; i <= q; i++) {
                total += 26 * (1 + 0.5 * noise(i));
            }
            return total;
        }));
        all.addAll(quarterly(GroningenKpis.DOORLOOPTIJD, YearMonth.of(2020, 3), 0,
                q -> 60 - 1.0 * (q + 1) + 2 * noise(q + 3)));
        all.addAll(quarterly(GroningenKpis.VERSTERKT_EN_VERDUURZAAMD, YearMonth.of(2020, 3), 1,
                q -> 15 + 1.3 * (q + 1) + 1.5 * noise(q + 7)));
        return all;
    }

    private static List<Measurement> quarterly(String kpiId, YearMonth first, int decimals,
            IntToDoubleFunction valueOfQuarter) {
        double scale = Math.pow(10, decimals);
        List<Measurement> series = new ArrayList<>();
        int q = 0;
        for (YearMonth end = first; !end.isAfter(LAST_QUARTER_END); end = end.plusMonths(3), q++) {
            double value = Math.round(valueOfQuarter.applyAsDouble(q) * scale) / scale;
            series.add(new Measurement(kpiId, end.atEndOfMonth(), value, SOURCE));
        }
        return series;
    }

    private static double noise(int i) {
        return NOISE[Math.floorMod(i, NOISE.length)];
    }
}
