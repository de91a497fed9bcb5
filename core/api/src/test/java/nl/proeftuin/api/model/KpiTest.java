package nl.proeftuin.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KpiTest {

    private static final DataPoint BASELINE = point("2020-01-01", 0);
    private static final List<DataPoint> TARGETS =
            List.of(point("2025-01-01", 500), point("2030-01-01", 2000));

    @Test
    void constructsAndEndsAtTheLastTarget() {
        Kpi kpi = new Kpi("zeeland-woningen-geisoleerd", "zeeland-isolatie", "Woningen geïsoleerd",
                "woningen", Direction.HIGHER_IS_BETTER, BASELINE, TARGETS, RollUp.SUM,
                "woningen-verduurzaamd-per-dag",
                new KpiMetadata("Label B of beter", "RVO", "Telling"));

        assertThat(kpi.finalTarget()).isEqualTo(point("2030-01-01", 2000));
        assertThat(kpi.standardCode()).isEqualTo("woningen-verduurzaamd-per-dag");
    }

    @Test
    void withoutStandardCodeOrMetadata() {
        Kpi kpi = kpi("zeeland-woningen", BASELINE, TARGETS);

        assertThat(kpi.standardCode()).isNull();
        assertThat(kpi.metadata()).isEqualTo(KpiMetadata.NONE);
    }

    @Test
    void rejectsIdThatIsNotASlug() {
        assertThatThrownBy(() -> kpi("Homes Insulated", BASELINE, TARGETS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Kpi.id")
                .hasMessageContaining("\"Homes Insulated\"");
    }

    @Test
    void rejectsStandardCodeThatIsNotASlug() {
        assertThatThrownBy(() -> new Kpi("k", "o", "Naam", "stuks", Direction.HIGHER_IS_BETTER,
                BASELINE, TARGETS, RollUp.SUM, "Woningen_Per_Dag", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Kpi.standardCode")
                .hasMessageContaining("\"Woningen_Per_Dag\"");
    }

    @Test
    void rejectsMissingOrBlankRequiredComponents() {
        assertThatThrownBy(() -> new Kpi("k", "O", "Naam", "stuks", Direction.HIGHER_IS_BETTER,
                BASELINE, TARGETS, RollUp.SUM, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Kpi.opgaveId");
        assertThatThrownBy(() -> new Kpi("k", "o", " ", "stuks", Direction.HIGHER_IS_BETTER,
                BASELINE, TARGETS, RollUp.SUM, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Kpi.name");
        assertThatThrownBy(() -> new Kpi("k", "o", "Naam", "", Direction.HIGHER_IS_BETTER,
                BASELINE, TARGETS, RollUp.SUM, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Kpi.unit");
        assertThatThrownBy(() -> new Kpi("k", "o", "Naam", "stuks", null,
                BASELINE, TARGETS, RollUp.SUM, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Kpi.direction");
        assertThatThrownBy(() -> new Kpi("k", "o", "Naam", "stuks", Direction.HIGHER_IS_BETTER,
                null, TARGETS, RollUp.SUM, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Kpi.baseline");
        assertThatThrownBy(() -> new Kpi("k", "o", "Naam", "stuks", Direction.HIGHER_IS_BETTER,
                BASELINE, TARGETS, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Kpi.rollUp");
    }

    @Test
    void rejectsNoTargets() {
        assertThatThrownBy(() -> kpi("k", BASELINE, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Kpi.targets")
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> kpi("k", BASELINE, Arrays.asList(point("2025-01-01", 1), null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Kpi.targets[1]");
    }

    @Test
    void rejectsTargetNotAfterTheBaselineNamingIt() {
        assertThatThrownBy(() -> kpi("k", point("2021-01-01", 0),
                List.of(point("2025-01-01", 1), point("2021-01-01", 2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Kpi.targets[1]")
                .hasMessageContaining("2021-01-01")
                .hasMessageContaining("baseline");
        assertThatThrownBy(() -> kpi("k", point("2021-01-01", 0), List.of(point("2020-01-01", 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Kpi.targets[0]")
                .hasMessageContaining("2020-01-01");
    }

    @Test
    void rejectsTargetsNotStrictlyIncreasing() {
        assertThatThrownBy(() -> kpi("k", BASELINE,
                List.of(point("2030-01-01", 2000), point("2025-01-01", 500))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Kpi.targets[1]")
                .hasMessageContaining("2025-01-01")
                .hasMessageContaining("2030-01-01");
        assertThatThrownBy(() -> kpi("k", BASELINE,
                List.of(point("2025-01-01", 500), point("2025-01-01", 600))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Kpi.targets[1]");
    }

    @Test
    void keepsItsOwnUnmodifiableCopyOfTargets() {
        List<DataPoint> targets = new ArrayList<>(TARGETS);
        Kpi kpi = kpi("k", BASELINE, targets);
        targets.add(point("2040-01-01", 5000));

        assertThat(kpi.finalTarget().date()).isEqualTo(LocalDate.parse("2030-01-01"));
        assertThatThrownBy(() -> kpi.targets().add(point("2040-01-01", 5000)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static Kpi kpi(String id, DataPoint baseline, List<DataPoint> targets) {
        return new Kpi(id, "zeeland-isolatie", "Woningen geïsoleerd", "woningen",
                Direction.HIGHER_IS_BETTER, baseline, targets, RollUp.SUM, null, null);
    }

    private static DataPoint point(String date, double value) {
        return new DataPoint(LocalDate.parse(date), value);
    }
}
