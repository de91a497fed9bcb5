package nl.proeftuin.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DataPointTest {

    private static final LocalDate DAY = LocalDate.of(2024, 1, 1);

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void rejectsNonFiniteValue(double value) {
        assertThatThrownBy(() -> new DataPoint(DAY, value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DataPoint.value")
                .hasMessageContaining(String.valueOf(value));
    }

    @Test
    void rejectsMissingDate() {
        assertThatThrownBy(() -> new DataPoint(null, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DataPoint.date")
                .hasMessageContaining("null");
    }

    @Test
    void sortsByDate() {
        DataPoint early = new DataPoint(DAY, 50);
        DataPoint late = new DataPoint(DAY.plusYears(1), 10);
        List<DataPoint> points = new ArrayList<>(List.of(late, early));
        Collections.sort(points);

        assertThat(points).containsExactly(early, late);
    }
}
