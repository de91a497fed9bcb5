package nl.proeftuin.pilot.utrecht;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import nl.proeftuin.api.model.Measurement;

/**
 * The initial measurements shipped with the bundle: quarterly series up to and including the third
 * quarter of 2026.
 *
 * <p>Example data computed from a simple formula per KPI and fixed tables, so every start yields
 * the same series; the core imports them once. In Overvecht-Noord whole corporation complexes go off
 * gas at once, most of them onto the heating network, while owner-occupiers follow one by one; the
 * pace per day stays around 40 against the 1,000 needed.
 */
final class UtrechtData {

    /** The last quarter of every series. */
    static final YearMonth LAST_QUARTER_END = YearMonth.of(2026, 9);
    /** The source stated on every measurement. */
    static final String SOURCE = "Voorbeelddata Proeftuin Utrecht (berekend, geen echte meting)";

    /** Homes of corporation complexes that went off gas, per quarter index from 2019 Q1. */
    private static final Map<Integer, Integer> COMPLEXES = Map.ofEntries(Map.entry(2, 96), Map.entry(5, 144),
            Map.entry(7, 120), Map.entry(9, 210), Map.entry(11, 88), Map.entry(13, 160), Map.entry(14, 72),
            Map.entry(16, 190), Map.entry(18, 132), Map.entry(20, 240), Map.entry(22, 110), Map.entry(24, 180),
            Map.entry(26, 96), Map.entry(27, 150), Map.entry(29, 210), Map.entry(30, 64));
    /** Owner-occupied homes that go off gas on their own (mostly all-electric), per quarter. */
    private static final int OWNERS_PER_QUARTER = 6;
    /** The share of complex homes connected to the heating network; the rest goes all-electric. */
    private static final double HEATING_NETWORK_SHARE = 0.85;

    /** Fixed deviations in [-1, 1], cycled through; the same table on every run. */
    private static final double[] NOISE = {0.27, -0.64, 0.81, -0.12, 0.46, -0.93, 0.58, 0.09, -0.37, 0.72,
        -0.55, 0.18, -0.02, 0.66};

    private UtrechtData() {
    }

    /**
     * Computes the series.
     *
     * @return the measurements of all three KPIs, without {@code recordedBy} and {@code recordedAt}
     */
    static List<Measurement> initialMeasurements() {
        List<Measurement> all = new ArrayList<>();
        all.addAll(quarterly(UtrechtKpis.AARDGASVRIJE_WONINGEN, YearMonth.of(2019, 3), 0,
                q -> complexHomes(q) + OWNERS_PER_QUARTER * (q + 1)));
        all.addAll(quarterly(UtrechtKpis.AANSLUITINGEN_WARMTENET, YearMonth.of(2019, 3), 0,
                q -> HEATING_NETWORK_SHARE * complexHomes(q)));
        all.addAll(quarterly(UtrechtKpis.WONINGEN_PER_DAG, YearMonth.of(2022, 3), 1,
                q -> UtrechtKpis.NATIONAL_PACE_PER_DAY + 0.1 * q + 3 * noise(q)));
        return all;
    }

    /** Homes of the complexes that went off gas up to and including quarter q. */
    private static int complexHomes(int q) {
        int total = 0;
        for (int i = 0; i <= q; i++) {
            total += COMPLEXES.getOrDefault(i, 0);
        }
        return total;
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
