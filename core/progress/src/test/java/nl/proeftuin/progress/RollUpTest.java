package nl.proeftuin.progress;

import static nl.proeftuin.progress.Fixtures.day;
import static nl.proeftuin.progress.Fixtures.kpi;
import static nl.proeftuin.progress.Fixtures.m;
import static nl.proeftuin.progress.Fixtures.point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.proeftuin.api.model.Direction;
import nl.proeftuin.api.model.Kpi;
import nl.proeftuin.api.model.Measurement;
import nl.proeftuin.api.model.RollUp;
import org.junit.jupiter.api.Test;

/** National roll-ups of the KPIs that regions share through a standard indicator code. */
class RollUpTest {

    private static final double EPS = 1e-9;
    private static final String GEISOLEERD = "woningen-geisoleerd";

    private static Kpi geisoleerd(String region, double baseline, double target) {
        return kpi(region + "-woningen-geisoleerd", "woningen", Direction.HIGHER_IS_BETTER,
                RollUp.SUM, GEISOLEERD, point(2023, 1, 1, baseline), point(2025, 1, 1, target));
    }

    @Test
    void sumAddsThreeRegionsCarryingValuesForwardAndUsingBaselinesUntilTheFirstMeasurement() {
        Kpi zeeland = geisoleerd("zeeland", 100, 500);
        Kpi drenthe = geisoleerd("drenthe", 200, 1000);
        Kpi limburg = geisoleerd("limburg", 300, 1500);
        Map<String, List<Measurement>> measurements = Map.of(
                zeeland.id(), List.of(m(zeeland, 2023, 10, 1, 260), m(zeeland, 2023, 4, 1, 150),
                        m(zeeland, 2023, 7, 1, 200)),
                drenthe.id(), List.of(m(drenthe, 2023, 7, 1, 260)));

        RollUpProgress r = ProgressCalculator.rollUp(GEISOLEERD, List.of(zeeland, drenthe, limburg),
                measurements, day(2023, 11, 1));

        assertThat(r.standardCode()).isEqualTo(GEISOLEERD);
        assertThat(r.method()).isEqualTo(RollUp.SUM);
        assertThat(r.unit()).isEqualTo("woningen");
        assertThat(r.kpiIds()).containsExactly("drenthe-woningen-geisoleerd",
                "limburg-woningen-geisoleerd", "zeeland-woningen-geisoleerd");
        assertThat(r.baseline()).isEqualTo(point(2023, 1, 1, 600));
        assertThat(r.targets()).containsExactly(point(2025, 1, 1, 3000));
        assertThat(r.series()).containsExactly(
                point(2023, 4, 1, 150 + 200 + 300),   // Drenthe and Limburg still at baseline
                point(2023, 7, 1, 200 + 260 + 300),
                point(2023, 10, 1, 260 + 260 + 300)); // Drenthe's July value carried forward
        assertThat(r.progress().kpiId()).isEqualTo(GEISOLEERD);
        assertThat(r.progress().latest()).isEqualTo(point(2023, 10, 1, 820));
        // trajectory on 2023-10-01: 600 + 2400 * 273 / 731, far more than 10% of 2400 ahead
        assertThat(r.progress().expected()).isCloseTo(600 + 2400.0 * 273 / 731, within(EPS));
        assertThat(r.progress().status()).isEqualTo(Status.OFF_TRACK);
    }

    @Test
    void thousandHomesADayNeededAgainstFortyDoneIsOffTrackAndDecadesAway() {
        // Klimaatverbond: about 1,000 homes a day should be made sustainable, about 40 a day are
        List<Kpi> kpis = new ArrayList<>();
        Map<String, List<Measurement>> measurements = new HashMap<>();
        String code = "woningen-verduurzaamd-per-dag";
        for (String region : List.of("groningen", "friesland", "drenthe", "zeeland", "limburg")) {
            Kpi kpi = kpi(region + "-woningen-verduurzaamd", "woningen per dag",
                    Direction.HIGHER_IS_BETTER, RollUp.SUM, code, point(2024, 1, 1, 8),
                    point(2030, 1, 1, 200));
            kpis.add(kpi);
            // each region creeps up by a tenth of a home a day per quarter
            measurements.put(kpi.id(), List.of(m(kpi, 2024, 4, 1, 8.0), m(kpi, 2024, 7, 1, 8.1),
                    m(kpi, 2024, 10, 1, 8.2), m(kpi, 2025, 1, 1, 8.3)));
        }

        RollUpProgress r = ProgressCalculator.rollUp(code, kpis, measurements, day(2025, 2, 1));

        assertThat(r.baseline()).isEqualTo(point(2024, 1, 1, 40));
        assertThat(r.targets()).containsExactly(point(2030, 1, 1, 1000));
        KpiProgress p = r.progress();
        assertThat(p.latest().value()).isCloseTo(41.5, within(EPS));
        assertThat(p.status()).isEqualTo(Status.OFF_TRACK);
        // 958.5 more homes a day to add in the 1826 days to 2030
        assertThat(p.requiredPace().perDay()).isCloseTo(958.5 / 1826, within(EPS));
        assertThat(p.actualPace().perYear()).isLessThan(p.requiredPace().perYear() / 50);
        assertThat(p.projectedDate()).isAfter(day(2400, 1, 1));
        assertThat(p.shareOfTarget()).isCloseTo(1.5 / 960, within(EPS));
    }

    @Test
    void aNationalRateThatDoesNotGrowIsNeverReached() {
        List<Kpi> kpis = new ArrayList<>();
        Map<String, List<Measurement>> measurements = new HashMap<>();
        String code = "woningen-verduurzaamd-per-dag";
        for (String region : List.of("groningen", "zeeland")) {
            Kpi kpi = kpi(region + "-woningen-verduurzaamd", "woningen per dag",
                    Direction.HIGHER_IS_BETTER, RollUp.SUM, code, point(2024, 1, 1, 20),
                    point(2030, 1, 1, 500));
            kpis.add(kpi);
            measurements.put(kpi.id(), List.of(m(kpi, 2024, 6, 1, 20), m(kpi, 2024, 12, 1, 20)));
        }

        KpiProgress p = ProgressCalculator.rollUp(code, kpis, measurements, day(2025, 1, 1))
                .progress();

        assertThat(p.latest().value()).isEqualTo(40);
        assertThat(p.status()).isEqualTo(Status.OFF_TRACK);
        assertThat(p.projectedDate()).isNull();
    }

    @Test
    void averageTakesTheMeanOfTheRegionsIncludingBaselinesAndTargets() {
        String code = "aandeel-technisch-onderwijs";
        Kpi zeeland = kpi("zeeland-aandeel-techniek", "%", Direction.HIGHER_IS_BETTER,
                RollUp.AVERAGE, code, point(2023, 1, 1, 20), point(2027, 1, 1, 30));
        Kpi groningen = kpi("groningen-aandeel-techniek", "%", Direction.HIGHER_IS_BETTER,
                RollUp.AVERAGE, code, point(2023, 1, 1, 30), point(2027, 1, 1, 40));

        RollUpProgress r = ProgressCalculator.rollUp(code, List.of(zeeland, groningen), Map.of(
                zeeland.id(), List.of(m(zeeland, 2024, 1, 1, 22)),
                groningen.id(), List.of(m(groningen, 2024, 6, 1, 33))), day(2024, 7, 1));

        assertThat(r.method()).isEqualTo(RollUp.AVERAGE);
        assertThat(r.baseline()).isEqualTo(point(2023, 1, 1, 25));
        assertThat(r.targets()).containsExactly(point(2027, 1, 1, 35));
        assertThat(r.series()).containsExactly(point(2024, 1, 1, (22 + 30) / 2.0),
                point(2024, 6, 1, (22 + 33) / 2.0));
        assertThat(r.progress().latest().value()).isEqualTo(27.5);
    }

    @Test
    void lastTakesTheMostRecentlyMeasuredRegion() {
        String code = "openstaande-vacatures-techniek";
        Kpi zeeland = kpi("zeeland-vacatures-techniek", "vacatures", Direction.LOWER_IS_BETTER,
                RollUp.LAST, code, point(2023, 1, 1, 150), point(2026, 1, 1, 50));
        Kpi drenthe = kpi("drenthe-vacatures-techniek", "vacatures", Direction.LOWER_IS_BETTER,
                RollUp.LAST, code, point(2023, 2, 1, 90), point(2026, 1, 1, 40));

        RollUpProgress r = ProgressCalculator.rollUp(code, List.of(zeeland, drenthe), Map.of(
                zeeland.id(), List.of(m(zeeland, 2024, 1, 1, 100), m(zeeland, 2024, 5, 1, 120)),
                drenthe.id(), List.of(m(drenthe, 2024, 3, 1, 80))), day(2024, 6, 1));

        assertThat(r.baseline()).as("Drenthe's baseline is the more recent")
                .isEqualTo(point(2023, 2, 1, 90));
        assertThat(r.series()).containsExactly(point(2024, 1, 1, 100), point(2024, 3, 1, 80),
                point(2024, 5, 1, 120));
    }

    @Test
    void targetsAreCombinedOnEveryTargetDateFromEachTrajectory() {
        // Zeeland plans 100 -> 300 -> 500 over 2023-2025, Drenthe 0 -> 730 over 2023-2025
        Kpi zeeland = kpi("zeeland-woningen-geisoleerd", "woningen", Direction.HIGHER_IS_BETTER,
                RollUp.SUM, GEISOLEERD, point(2023, 1, 1, 100), point(2024, 1, 1, 300),
                point(2025, 1, 1, 500));
        Kpi drenthe = kpi("drenthe-woningen-geisoleerd", "woningen", Direction.HIGHER_IS_BETTER,
                RollUp.SUM, GEISOLEERD, point(2023, 1, 1, 0), point(2025, 1, 1, 731));

        RollUpProgress r = ProgressCalculator.rollUp(GEISOLEERD, List.of(zeeland, drenthe),
                Map.of(), day(2023, 6, 1));

        // Drenthe's trajectory on 2024-01-01: 365 of 731 days, 1 home a day
        assertThat(r.targets()).containsExactly(point(2024, 1, 1, 300 + 365),
                point(2025, 1, 1, 500 + 731));
        assertThat(r.series()).isEmpty();
        assertThat(r.progress().status()).isEqualTo(Status.NO_DATA);
        assertThat(r.progress().target()).isEqualTo(point(2024, 1, 1, 665));
    }

    @Test
    void targetsOnOrBeforeTheLatestBaselineAreLeftOut() {
        Kpi zeeland = kpi("zeeland-woningen-geisoleerd", "woningen", Direction.HIGHER_IS_BETTER,
                RollUp.SUM, GEISOLEERD, point(2021, 1, 1, 0), point(2022, 1, 1, 100),
                point(2025, 1, 1, 400));
        Kpi drenthe = kpi("drenthe-woningen-geisoleerd", "woningen", Direction.HIGHER_IS_BETTER,
                RollUp.SUM, GEISOLEERD, point(2023, 1, 1, 50), point(2025, 1, 1, 250));

        RollUpProgress r = ProgressCalculator.rollUp(GEISOLEERD, List.of(zeeland, drenthe),
                Map.of(), day(2023, 6, 1));

        assertThat(r.baseline()).isEqualTo(point(2023, 1, 1, 50));
        assertThat(r.targets()).containsExactly(point(2025, 1, 1, 650));
    }

    @Test
    void theOrderOfTheKpisDoesNotChangeTheResult() {
        Kpi zeeland = geisoleerd("zeeland", 100, 500);
        Kpi drenthe = geisoleerd("drenthe", 200, 1000);
        Map<String, List<Measurement>> measurements = Map.of(
                zeeland.id(), List.of(m(zeeland, 2023, 4, 1, 150)),
                drenthe.id(), List.of(m(drenthe, 2023, 7, 1, 260)));

        assertThat(ProgressCalculator.rollUp(GEISOLEERD, List.of(zeeland, drenthe), measurements,
                day(2023, 8, 1))).isEqualTo(ProgressCalculator.rollUp(GEISOLEERD,
                        List.of(drenthe, zeeland), measurements, day(2023, 8, 1)));
    }

    @Test
    void mixedRollUpMethodsAreRejectedNamingTheKpisAndMethods() {
        Kpi zeeland = geisoleerd("zeeland", 100, 500);
        Kpi drenthe = kpi("drenthe-woningen-geisoleerd", "woningen", Direction.HIGHER_IS_BETTER,
                RollUp.AVERAGE, GEISOLEERD, point(2023, 1, 1, 200), point(2025, 1, 1, 1000));

        assertThatThrownBy(() -> ProgressCalculator.rollUp(GEISOLEERD, List.of(zeeland, drenthe),
                Map.of(), day(2024, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("woningen-geisoleerd")
                .hasMessageContaining("roll-up method differs")
                .hasMessageContaining("AVERAGE (drenthe-woningen-geisoleerd)")
                .hasMessageContaining("SUM (zeeland-woningen-geisoleerd)");
    }

    @Test
    void mixedUnitsAndDirectionsAreRejectedTogether() {
        Kpi zeeland = geisoleerd("zeeland", 100, 500);
        Kpi drenthe = kpi("drenthe-woningen-geisoleerd", "huishoudens", Direction.LOWER_IS_BETTER,
                RollUp.SUM, GEISOLEERD, point(2023, 1, 1, 200), point(2025, 1, 1, 100));

        assertThatThrownBy(() -> ProgressCalculator.rollUp(GEISOLEERD, List.of(zeeland, drenthe),
                Map.of(), day(2024, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unit differs: \"huishoudens\" (drenthe-woningen-geisoleerd),"
                        + " \"woningen\" (zeeland-woningen-geisoleerd)")
                .hasMessageContaining("direction differs")
                .hasMessageContaining("LOWER_IS_BETTER");
    }

    @Test
    void aKpiOfAnotherStandardCodeOrNoKpisAtAllAreRejected() {
        Kpi zeeland = geisoleerd("zeeland", 100, 500);
        Kpi eigen = kpi("zeeland-eigen-indicator", "woningen", Direction.HIGHER_IS_BETTER,
                RollUp.SUM, null, point(2023, 1, 1, 0), point(2025, 1, 1, 10));

        assertThatThrownBy(() -> ProgressCalculator.rollUp(GEISOLEERD, List.of(zeeland, eigen),
                Map.of(), day(2024, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KPI zeeland-eigen-indicator has standard code none");
        assertThatThrownBy(() -> ProgressCalculator.rollUp(GEISOLEERD, List.of(), Map.of(),
                day(2024, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no KPIs");
    }
}
