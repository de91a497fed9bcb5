package nl.proeftuin.registry.internal;

import static nl.proeftuin.registry.internal.Pilots.entry;
import static nl.proeftuin.registry.internal.Pilots.region;
import static nl.proeftuin.registry.internal.Pilots.validFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.proeftuin.api.model.Region;
import nl.proeftuin.api.screen.Screen;
import nl.proeftuin.registry.PilotStatus;
import org.junit.jupiter.api.Test;

class SnapshotTest {

    private final Snapshot snapshot = CatalogBuilder.build(List.of(
            entry(1, "nl.zeeland.pilot", validFor("zeeland").build()),
            entry(2, "nl.zeeland.kopie", validFor("zeeland").build())), 1);

    @Test
    void returnsUnmodifiableLists() {
        assertUnmodifiable(snapshot.regions());
        assertUnmodifiable(snapshot.opgaven());
        assertUnmodifiable(snapshot.kpis());
        assertUnmodifiable(snapshot.lessons());
        assertUnmodifiable(snapshot.screens("zeeland"));
        assertUnmodifiable(snapshot.pilots());
        assertUnmodifiable(snapshot.pilots().get(1).problems());
    }

    @Test
    void givesEmptyForUnknownIds() {
        assertThat(snapshot.region("atlantis")).isEmpty();
        assertThat(snapshot.opgave("atlantis-energie")).isEmpty();
        assertThat(snapshot.kpi("atlantis-kpi")).isEmpty();
        assertThat(snapshot.screens("atlantis")).isEmpty();
    }

    @Test
    void givesEmptyForANullIdInsteadOfThrowing() {
        assertThat(snapshot.region(null)).isEmpty();
        assertThat(snapshot.opgave(null)).isEmpty();
        assertThat(snapshot.kpi(null)).isEmpty();
        assertThat(snapshot.screens(null)).isEmpty();
    }

    @Test
    void isNotChangedByLaterChangesToTheListsItWasMadeFrom() {
        List<Region> regions = new ArrayList<>(List.of(region("zeeland")));
        Map<String, List<Screen>> screens = new HashMap<>(Map.of("zeeland", List.of(Pilots.pageScreen("kaart"))));
        List<PilotStatus> pilots = new ArrayList<>();
        Snapshot copy = new Snapshot(5, regions, List.of(), List.of(), List.of(), screens, Map.of(), pilots);

        regions.add(region("brabant"));
        screens.put("brabant", List.of(Pilots.pageScreen("kaart")));
        pilots.add(new PilotStatus(9, "nl.brabant.pilot", "1.0.0", "brabant", true, List.of(), 0, 0, 0, false));

        assertThat(copy.regions()).extracting(Region::id).containsExactly("zeeland");
        assertThat(copy.region("brabant")).isEmpty();
        assertThat(copy.screens("brabant")).isEmpty();
        assertThat(copy.pilots()).isEmpty();
    }

    @Test
    void theEmptyCatalogueHasRevisionZeroAndNothingInIt() {
        assertThat(Snapshot.EMPTY.revision()).isZero();
        assertThat(Snapshot.EMPTY.regions()).isEmpty();
        assertThat(Snapshot.EMPTY.pilots()).isEmpty();
        assertThat(Snapshot.EMPTY.screens("zeeland")).isEmpty();
    }

    private static <T> void assertUnmodifiable(List<T> list) {
        assertThat(list).isNotEmpty();
        assertThatThrownBy(() -> list.add(list.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> list.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }
}
