package nl.proeftuin.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MeasurementTest {

    private static final LocalDate MONTH_END = LocalDate.of(2024, 3, 31);
    private static final Instant NOW = Instant.parse("2024-04-02T09:00:00Z");

    @Test
    void pilotCreatesItUnrecorded() {
        Measurement m = new Measurement("zeeland-woningen", MONTH_END, 42, null);

        assertThat(m.source()).isEmpty();
        assertThat(m.recordedBy()).isNull();
        assertThat(m.recordedAt()).isNull();
    }

    @Test
    void coreRecordsItWithWhoAndWhen() {
        Measurement m = new Measurement("zeeland-woningen", MONTH_END, 42, "RVO", "jan", NOW);

        assertThat(m.recordedBy()).isEqualTo("jan");
        assertThat(m.recordedAt()).isEqualTo(NOW);
    }

    @Test
    void rejectsRecordedByWithoutRecordedAt() {
        assertThatThrownBy(() -> new Measurement("k", MONTH_END, 1, "", "jan", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Measurement.recordedAt")
                .hasMessageContaining("\"jan\"");
    }

    @Test
    void rejectsRecordedAtWithoutRecordedBy() {
        assertThatThrownBy(() -> new Measurement("k", MONTH_END, 1, "", null, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Measurement.recordedBy")
                .hasMessageContaining("2024-04-02T09:00:00Z");
    }

    @Test
    void rejectsBlankRecordedBy() {
        assertThatThrownBy(() -> new Measurement("k", MONTH_END, 1, "", " ", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Measurement.recordedBy");
    }

    @Test
    void rejectsNonFiniteValue() {
        assertThatThrownBy(() -> new Measurement("k", MONTH_END, Double.NaN, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Measurement.value")
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> new Measurement("k", MONTH_END, Double.POSITIVE_INFINITY, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Measurement.value")
                .hasMessageContaining("Infinity");
    }

    @Test
    void rejectsBadKpiIdAndMissingPeriod() {
        assertThatThrownBy(() -> new Measurement("kpi-", MONTH_END, 1, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Measurement.kpiId")
                .hasMessageContaining("\"kpi-\"");
        assertThatThrownBy(() -> new Measurement("k", null, 1, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Measurement.period");
    }
}
