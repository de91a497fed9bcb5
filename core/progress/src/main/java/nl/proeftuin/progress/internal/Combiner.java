package nl.proeftuin.progress.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.proeftuin.api.model.DataPoint;
import nl.proeftuin.api.model.Kpi;
import nl.proeftuin.api.model.Measurement;
import nl.proeftuin.api.model.RollUp;

/**
 * Combines the KPIs of several regions that share a standard indicator code into one series,
 * baseline and set of targets, following each KPI's {@link RollUp} method.
 */
public final class Combiner {

    /**
     * For {@link RollUp#LAST}: the most recent point wins; on a tie the later recordedAt
     * (unstamped first), then the KPI id, so the answer never depends on input order.
     */
    private static final Comparator<Contribution> MOST_RECENT = Comparator
            .comparing(Contribution::asOf, Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()))
            .thenComparing(Contribution::recordedAt,
                    Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(Contribution::kpiId);

    /** Not instantiable: static methods only. */
    private Combiner() {
    }

    /**
     * Combines KPIs into one synthetic indicator.
     *
     * <ul>
     *   <li>Series: at every period on which any KPI was measured, each KPI contributes its last
     *       value at or before that period (carried forward; its baseline value when it has no
     *       measurement yet).</li>
     *   <li>Baseline: the KPIs' baselines, combined, dated at the latest baseline date.</li>
     *   <li>Targets: at every target date of any KPI after that baseline date, each KPI
     *       contributes its trajectory value on that date. Target dates on or before the combined
     *       baseline date are left out: the combined trajectory starts there.</li>
     *   <li>Combining: {@link RollUp#SUM} adds, {@link RollUp#AVERAGE} takes the mean,
     *       {@link RollUp#LAST} takes the value of the KPI whose underlying point (measurement,
     *       baseline or trajectory point) at or before the date is the most recent.</li>
     * </ul>
     *
     * @param standardCode the code the KPIs share; not {@code null}
     * @param kpis the KPIs, in any order; not {@code null} or empty
     * @param measurementsByKpi measurements per KPI id; a KPI without an entry (or with a
     *     {@code null} entry) has none; not {@code null}
     * @return the combination, never {@code null}
     * @throws IllegalArgumentException if there are no KPIs, a KPI has another standard code,
     *     two KPIs have the same id, or the KPIs differ in roll-up method, unit or direction; the
     *     message names the KPIs and the differing values
     * @throws NullPointerException if an argument or a list element is {@code null}
     */
    public static Combination combine(String standardCode, List<Kpi> kpis,
            Map<String, List<Measurement>> measurementsByKpi) {
        Objects.requireNonNull(standardCode, "standardCode");
        Objects.requireNonNull(measurementsByKpi, "measurementsByKpi");
        List<Kpi> sorted = check(standardCode, kpis);
        Kpi first = sorted.get(0);
        RollUp method = first.rollUp();

        List<List<Measurement>> perKpi = new ArrayList<>();
        TreeSet<LocalDate> periods = new TreeSet<>();
        for (Kpi kpi : sorted) {
            List<Measurement> given = measurementsByKpi.get(kpi.id());
            List<Measurement> series = Series.onePerPeriod(given == null ? List.of() : given);
            perKpi.add(series);
            series.forEach(m -> periods.add(m.period()));
        }

        List<DataPoint> series = new ArrayList<>();
        int[] next = new int[sorted.size()]; // per KPI: index of its first measurement not yet passed
        for (LocalDate period : periods) {
            List<Contribution> contributions = new ArrayList<>();
            for (int k = 0; k < sorted.size(); k++) {
                List<Measurement> own = perKpi.get(k);
                while (next[k] < own.size() && !own.get(next[k]).period().isAfter(period)) {
                    next[k]++;
                }
                Kpi kpi = sorted.get(k);
                if (next[k] == 0) {
                    contributions.add(new Contribution(kpi.id(), kpi.baseline().value(), null, null));
                } else {
                    Measurement known = own.get(next[k] - 1);
                    contributions.add(new Contribution(kpi.id(), known.value(), known.period(),
                            known.recordedAt()));
                }
            }
            series.add(new DataPoint(period, combine(method, contributions)));
        }

        LocalDate baselineDate = sorted.stream().map(k -> k.baseline().date())
                .max(Comparator.naturalOrder()).orElseThrow();
        DataPoint baseline = new DataPoint(baselineDate, combine(method, sorted.stream()
                .map(k -> new Contribution(k.id(), k.baseline().value(), k.baseline().date(), null))
                .toList()));

        TreeSet<LocalDate> targetDates = new TreeSet<>();
        sorted.forEach(k -> k.targets().forEach(t -> targetDates.add(t.date())));
        List<DataPoint> targets = new ArrayList<>();
        for (LocalDate date : targetDates.tailSet(baselineDate, false)) {
            targets.add(new DataPoint(date, combine(method, sorted.stream()
                    .map(k -> new Contribution(k.id(), Trajectory.valueAt(k, date),
                            Trajectory.lastPointOnOrBefore(k, date), null))
                    .toList())));
        }

        return new Combination(method, first.unit(), first.direction(),
                sorted.stream().map(Kpi::id).toList(), baseline, targets, series);
    }

    /** Validates the KPIs and returns them sorted by id, so sums never depend on input order. */
    private static List<Kpi> check(String standardCode, List<Kpi> kpis) {
        Objects.requireNonNull(kpis, "kpis");
        if (kpis.isEmpty()) {
            throw new IllegalArgumentException("Roll-up of \"" + standardCode + "\": no KPIs");
        }
        kpis.forEach(k -> Objects.requireNonNull(k, "kpi"));
        List<Kpi> sorted = kpis.stream().sorted(Comparator.comparing(Kpi::id)).toList();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Kpi kpi : sorted) {
            if (!standardCode.equals(kpi.standardCode())) {
                problems.add("KPI " + kpi.id() + " has standard code "
                        + (kpi.standardCode() == null ? "none" : "\"" + kpi.standardCode() + "\""));
            }
            if (!seen.add(kpi.id())) {
                problems.add("KPI " + kpi.id() + " appears more than once");
            }
        }
        differs("roll-up method", sorted, Kpi::rollUp, problems);
        differs("unit", sorted, Kpi::unit, problems);
        differs("direction", sorted, Kpi::direction, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Roll-up of \"" + standardCode + "\": "
                    + String.join("; ", problems));
        }
        return sorted;
    }

    /** Adds a problem such as {@code unit differs: "woningen" (a, b), "%" (c)}. */
    private static void differs(String what, List<Kpi> kpis, Function<Kpi, Object> attribute,
            List<String> problems) {
        Map<Object, List<String>> byValue = kpis.stream().collect(Collectors.groupingBy(attribute,
                LinkedHashMap::new, Collectors.mapping(Kpi::id, Collectors.toList())));
        if (byValue.size() > 1) {
            problems.add(what + " differs: " + byValue.entrySet().stream()
                    .map(e -> show(e.getKey()) + " (" + String.join(", ", e.getValue()) + ")")
                    .collect(Collectors.joining(", ")));
        }
    }

    private static String show(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    private static double combine(RollUp method, List<Contribution> contributions) {
        return switch (method) {
            case SUM -> sum(contributions);
            case AVERAGE -> sum(contributions) / contributions.size();
            case LAST -> contributions.stream().max(MOST_RECENT).orElseThrow().value();
        };
    }

    private static double sum(List<Contribution> contributions) {
        double sum = 0;
        for (Contribution c : contributions) {
            sum += c.value();
        }
        return sum;
    }

    /**
     * One KPI's value at a date, with the date and recording time of the point it comes from
     * ({@code null} when it is not a point of its own, such as a baseline standing in for a
     * measurement not yet made).
     */
    private record Contribution(String kpiId, double value, LocalDate asOf, Instant recordedAt) {
    }
}
