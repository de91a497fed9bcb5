package nl.proeftuin.pilot.zeeland;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import nl.proeftuin.api.model.Measurement;

/**
 * The initial measurements shipped with the bundle: one value per KPI per quarter, from the first
 * quarter of 2021 up to and including the third quarter of 2026.
 *
 * <p>The values are example data, computed from a simple formula per KPI (a level, a pace and a
 * fixed table of deviations), so that every build and every start yields exactly the same series;
 * the core imports them once. The formulas give the dashboard something to say: solar power runs
 * ahead of its target, insulation and the reach of facilities fall behind.
 */
final class ZeelandData {

    /** The first quarter of the series. */
    static final YearMonth FIRST_QUARTER_END = YearMonth.of(2021, 3);
    /** Number of quarters: 2021 Q1 up to and including 2026 Q3. */
    static final int QUARTERS = 23;
    /** The source stated on every measurement. */
    static final String SOURCE = "Voorbeelddata Proeftuin Zeeland (berekend, geen echte meting)";

    /** Fixed deviations in [-1, 1], cycled through; the same table on every run. */
    private static final double[] NOISE = {0.42, -0.17, 0.88, -0.63, 0.05, 0.71, -0.94, 0.33, -0.28, 0.59,
        -0.46, 0.12, 0.97, -0.81, 0.24, -0.05, 0.66, -0.39};

    /** Onshore wind comes in whole wind farms: MW added per quarter index. */
    private static final Map<Integer, Double> WIND_FARMS_MW = Map.of(3, 12.0, 7, 28.0, 11, 6.0, 14, 22.0,
            18, 15.0, 21, 18.0);

    private ZeelandData() {
    }

    /**
     * Computes every series.
     *
     * @return the measurements of all KPIs, without {@code recordedBy} and {@code recordedAt}
     */
    static List<Measurement> initialMeasurements() {
        List<Measurement> all = new ArrayList<>();
        all.addAll(series(ZeelandKpis.WONINGEN_GEISOLEERD, 0, cumulative(0, 640, 0.3, 0)));
        all.addAll(series(ZeelandKpis.VERMOGEN_WIND_OP_LAND, 1, q -> wind(560, q)));
        all.addAll(series(ZeelandKpis.VERMOGEN_ZON, 1, trend(520, 21, 6, 2)));
        all.addAll(series(ZeelandKpis.CO2_GEBOUWDE_OMGEVING, 1, trend(520, -4.5, 9, 5)));
        all.addAll(series(ZeelandKpis.LEERLINGEN_TECHNIEK_VMBO, 0, q -> pupils(1_150, 36, 12, q)));
        all.addAll(series(ZeelandKpis.BBL_PLEKKEN_TECHNIEK, 0, trend(880, 11, 14, 9)));
        all.addAll(series(ZeelandKpis.VOORZIENINGEN_BINNEN_5_KM, 1, trend(86.0, -0.03, 0.15, 3)));
        all.addAll(series(ZeelandKpis.INWONERS_THUIS, 1, trend(78.0, 0.09, 0.6, 11)));
        return all;
    }

    /**
     * The last day of a quarter of the series.
     *
     * @param quarter 0 for the first quarter of the series
     * @return the period of that quarter's measurements
     */
    static LocalDate quarterEnd(int quarter) {
        return FIRST_QUARTER_END.plusMonths(3L * quarter).atEndOfMonth();
    }

    private static List<Measurement> series(String kpiId, int decimals, IntToDoubleFunction valueOfQuarter) {
        double scale = Math.pow(10, decimals);
        List<Measurement> series = new ArrayList<>(QUARTERS);
        for (int q = 0; q < QUARTERS; q++) {
            double value = Math.round(valueOfQuarter.applyAsDouble(q) * scale) / scale;
            series.add(new Measurement(kpiId, quarterEnd(q), value, SOURCE));
        }
        return series;
    }

    /** A running total: every quarter adds {@code pace}, varied by up to {@code spread} of it. */
    private static IntToDoubleFunction cumulative(double start, double pace, double spread, int offset) {
        return q -> {
            double total = start;
            for (int i = 0; i <= q; i++) {
                total += pace * (1 + spread * noise(i + offset));
            }
            return total;
        };
    }

    /** A straight line from {@code start}, with a deviation of at most {@code amplitude}. */
    private static IntToDoubleFunction trend(double start, double pace, double amplitude, int offset) {
        return q -> start + pace * (q + 1) + amplitude * noise(q + offset);
    }

    /** The installed capacity after the wind farms commissioned up to and including quarter q. */
    private static double wind(double start, int q) {
        double total = start;
        for (int i = 0; i <= q; i++) {
            total += WIND_FARMS_MW.getOrDefault(i, 0.0);
        }
        return total;
    }

    /** Pupils are counted on 1 October: the value changes once per school year. */
    private static double pupils(double start, double perYear, double amplitude, int q) {
        LocalDate end = quarterEnd(q);
        int schoolYear = end.getMonthValue() >= 10 ? end.getYear() : end.getYear() - 1;
        int index = schoolYear - 2020;
        return start + perYear * index + (index == 0 ? 0 : amplitude * noise(index));
    }

    private static double noise(int i) {
        return NOISE[Math.floorMod(i, NOISE.length)];
    }
}
