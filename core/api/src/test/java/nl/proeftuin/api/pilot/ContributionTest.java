package nl.proeftuin.api.pilot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.proeftuin.api.model.Opgave;
import nl.proeftuin.api.model.Region;
import nl.proeftuin.api.model.RegionKind;
import nl.proeftuin.api.model.Theme;
import nl.proeftuin.api.screen.Screen;
import org.junit.jupiter.api.Test;

class ContributionTest {

    private static final Region ZEELAND =
            new Region("zeeland", "Zeeland", RegionKind.PROVINCIE, List.of("PV29"));
    private static final Opgave ISOLATIE = new Opgave("zeeland-isolatie", "zeeland",
            "Woningen isoleren", Theme.ENERGIETRANSITIE, null, null, List.of());

    @Test
    void shortFormHasNoLessonsNoInitialDataAndIsReal() {
        Contribution c = new Contribution(ZEELAND, List.of(ISOLATIE), List.of(), List.of());

        assertThat(c.lessons()).isEmpty();
        assertThat(c.initialMeasurements()).isEmpty();
        assertThat(c.exampleData()).isFalse();
    }

    @Test
    void doesNotCheckCrossReferences() {
        // an opgave of another region is the registry's to report, with every other problem
        Opgave elsewhere = new Opgave("x", "groningen", "X", Theme.WONEN, null, null, List.of());

        assertThat(new Contribution(ZEELAND, List.of(elsewhere), List.of(), List.of()).opgaven())
                .containsExactly(elsewhere);
    }

    @Test
    void rejectsMissingRegionOrList() {
        assertThatThrownBy(() -> new Contribution(null, List.of(), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Contribution.region");
        assertThatThrownBy(() -> new Contribution(ZEELAND, List.of(), List.of(), List.of(),
                List.of(), null, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Contribution.initialMeasurements")
                .hasMessageContaining("null");
    }

    @Test
    void rejectsNullElementNamingItsIndex() {
        assertThatThrownBy(() -> new Contribution(ZEELAND, Arrays.asList(ISOLATIE, null),
                List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Contribution.opgaven[1]");
    }

    @Test
    void keepsItsOwnUnmodifiableCopies() {
        List<Opgave> opgaven = new ArrayList<>(List.of(ISOLATIE));
        List<Screen> screens = new ArrayList<>();
        Contribution c = new Contribution(ZEELAND, opgaven, List.of(), screens);
        opgaven.clear();

        assertThat(c.opgaven()).containsExactly(ISOLATIE);
        assertThatThrownBy(() -> c.screens().add(null))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
