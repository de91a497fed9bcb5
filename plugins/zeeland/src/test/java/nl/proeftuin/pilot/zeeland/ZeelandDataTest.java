package nl.proeftuin.pilot.zeeland;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.proeftuin.api.model.Kpi;
import nl.proeftuin.api.model.Measurement;
import nl.proeftuin.api.pilot.Contribution;
import org.junit.jupiter.api.Test;

class ZeelandDataTest {

    private final Contribution contribution = new ZeelandPilot().contribution();
    private final List<Measurement> measurements = contribution.initialMeasurements();

    @Test
    void measurementsReferToKpisOfThisPilotOnlyAndCoverEveryKpi() {
        Set<String> kpis = contribution.kpis().stream().map(Kpi::id).collect(Collectors.toSet());
        assertThat(measurements).extracting(Measurement::kpiId).allMatch(kpis::contains);
        assertThat(measurements.stream().map(Measurement::kpiId).collect(Collectors.toSet())).isEqualTo(kpis);
    }

    @Test
    void everyKpiHasOneValuePerQuarterFrom2021To2026() {
        Map<String, List<Measurement>> byKpi = byKpi();
        assertThat(byKpi.values()).allSatisfy(series -> {
            assertThat(series).hasSize(ZeelandData.QUARTERS);
            assertThat(series).extracting(Measurement::period).doesNotHaveDuplicates()
                    .contains(LocalDate.of(2021, 3, 31), LocalDate.of(2023, 12, 31), LocalDate.of(2026, 9, 30));
        });
    }

    @Test
    void measurementsAreUnrecordedExampleDataAfterTheBaselineAndNotInTheFuture() {
        assertThat(contribution.exampleData()).isTrue();
        assertThat(measurements).allSatisfy(m -> {
            assertThat(m.source()).startsWith("Voorbeelddata");
            assertThat(m.recordedBy()).isNull();
            assertThat(m.recordedAt()).isNull();
            assertThat(m.period()).isAfter(ZeelandKpis.BASELINE_DATE).isBeforeOrEqualTo(LocalDate.now());
        });
    }

    @Test
    void seriesAreTheSameOnEveryCall() {
        assertThat(new ZeelandPilot().contribution().initialMeasurements()).isEqualTo(measurements);
    }

    @Test
    void runningTotalsAndInstalledCapacityNeverDecrease() {
        Map<String, List<Measurement>> byKpi = byKpi();
        for (String id : List.of(ZeelandKpis.WONINGEN_GEISOLEERD, ZeelandKpis.VERMOGEN_WIND_OP_LAND,
                ZeelandKpis.VERMOGEN_ZON)) {
            List<Double> values = byKpi.get(id).stream().map(Measurement::value).toList();
            assertThat(values).as(id).isSortedAccordingTo(Comparator.naturalOrder());
        }
    }

    @Test
    void pupilsAreCountedOncePerSchoolYear() {
        List<Measurement> pupils = byKpi().get(ZeelandKpis.LEERLINGEN_TECHNIEK_VMBO);
        assertThat(valueAt(pupils, LocalDate.of(2023, 3, 31))).isEqualTo(valueAt(pupils, LocalDate.of(2023, 6, 30)))
                .isEqualTo(valueAt(pupils, LocalDate.of(2023, 9, 30)))
                .isNotEqualTo(valueAt(pupils, LocalDate.of(2023, 12, 31)));
    }

    @Test
    void solarRunsAheadOfItsTargetWhileInsulationFallsBehind() {
        Map<String, List<Measurement>> byKpi = byKpi();
        LocalDate endOf2025 = LocalDate.of(2025, 12, 31);
        assertThat(valueAt(byKpi.get(ZeelandKpis.VERMOGEN_ZON), endOf2025)).isGreaterThanOrEqualTo(900);
        assertThat(valueAt(byKpi.get(ZeelandKpis.WONINGEN_GEISOLEERD), endOf2025)).isBetween(10_000.0, 15_000.0);
    }

    private Map<String, List<Measurement>> byKpi() {
        return measurements.stream().collect(Collectors.groupingBy(Measurement::kpiId));
    }

    private static double valueAt(List<Measurement> series, LocalDate period) {
        return series.stream().filter(m -> m.period().equals(period)).findFirst().orElseThrow().value();
    }
}
