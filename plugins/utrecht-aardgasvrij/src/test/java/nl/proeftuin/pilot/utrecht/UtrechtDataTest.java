package nl.proeftuin.pilot.utrecht;

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

class UtrechtDataTest {

    private final Contribution contribution = new UtrechtPilot().contribution();
    private final Map<String, List<Measurement>> byKpi = contribution.initialMeasurements().stream()
            .collect(Collectors.groupingBy(Measurement::kpiId));

    @Test
    void measurementsReferToKpisOfThisPilotOnlyAndCoverEveryKpi() {
        Set<String> kpis = contribution.kpis().stream().map(Kpi::id).collect(Collectors.toSet());
        assertThat(byKpi.keySet()).isEqualTo(kpis);
    }

    @Test
    void measurementsAreUnrecordedExampleDataAfterTheBaselineAndNotInTheFuture() {
        Map<String, LocalDate> baselines = contribution.kpis().stream()
                .collect(Collectors.toMap(Kpi::id, k -> k.baseline().date()));
        assertThat(contribution.initialMeasurements()).allSatisfy(m -> {
            assertThat(m.source()).startsWith("Voorbeelddata");
            assertThat(m.recordedBy()).isNull();
            assertThat(m.recordedAt()).isNull();
            assertThat(m.period()).isAfter(baselines.get(m.kpiId())).isBeforeOrEqualTo(LocalDate.now());
        });
        assertThat(byKpi.values()).allSatisfy(series ->
                assertThat(series).extracting(Measurement::period).doesNotHaveDuplicates());
    }

    @Test
    void seriesAreTheSameOnEveryCall() {
        assertThat(new UtrechtPilot().contribution().initialMeasurements()).isEqualTo(contribution.initialMeasurements());
    }

    @Test
    void paceStaysAroundFortyHomesADay() {
        List<Measurement> perDay = byKpi.get(UtrechtKpis.WONINGEN_PER_DAG);
        assertThat(perDay).extracting(Measurement::value).allSatisfy(v -> assertThat(v).isBetween(35.0, 46.0));
        assertThat(latest(perDay).period()).isEqualTo(LocalDate.of(2026, 9, 30));
    }

    @Test
    void homesOffGasNeverDecreaseAndIncludeEveryHeatingNetworkConnection() {
        List<Measurement> offGas = sorted(byKpi.get(UtrechtKpis.AARDGASVRIJE_WONINGEN));
        List<Measurement> connected = sorted(byKpi.get(UtrechtKpis.AANSLUITINGEN_WARMTENET));
        assertThat(offGas).extracting(Measurement::value).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(connected).extracting(Measurement::period).isEqualTo(offGas.stream().map(Measurement::period).toList());
        for (int i = 0; i < offGas.size(); i++) {
            assertThat(connected.get(i).value()).isLessThanOrEqualTo(offGas.get(i).value());
        }
    }

    @Test
    void overvechtNoordIsBehindItsHeatingNetworkTargetFor2024() {
        double endOf2024 = sorted(byKpi.get(UtrechtKpis.AANSLUITINGEN_WARMTENET)).stream()
                .filter(m -> m.period().equals(LocalDate.of(2024, 12, 31))).findFirst().orElseThrow().value();
        assertThat(endOf2024).isBetween(1_000.0, 1_600.0);
    }

    private static List<Measurement> sorted(List<Measurement> series) {
        return series.stream().sorted(Comparator.comparing(Measurement::period)).toList();
    }

    private static Measurement latest(List<Measurement> series) {
        return series.stream().max(Comparator.comparing(Measurement::period)).orElseThrow();
    }
}
