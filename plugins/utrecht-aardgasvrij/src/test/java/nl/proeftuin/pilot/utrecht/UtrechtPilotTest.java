package nl.proeftuin.pilot.utrecht;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import nl.proeftuin.api.model.Direction;
import nl.proeftuin.api.model.Kpi;
import nl.proeftuin.api.model.Opgave;
import nl.proeftuin.api.model.RollUp;
import nl.proeftuin.api.model.Theme;
import nl.proeftuin.api.pilot.Contribution;
import nl.proeftuin.api.pilot.Pilot;
import nl.proeftuin.api.screen.KpiChart;
import nl.proeftuin.api.screen.KpiTable;
import nl.proeftuin.api.screen.KpiTile;
import nl.proeftuin.api.screen.RegionMap;
import nl.proeftuin.api.screen.Screen;
import nl.proeftuin.api.screen.TextBlock;
import nl.proeftuin.api.screen.Widget;
import nl.proeftuin.api.screen.WidgetScreen;
import org.junit.jupiter.api.Test;

class UtrechtPilotTest {

    private final Contribution contribution = new UtrechtPilot().contribution();

    @Test
    void contributionBuildsWithoutException() {
        assertThatCode(() -> new UtrechtPilot().contribution()).doesNotThrowAnyException();
    }

    @Test
    void contributesTheProvinceOfUtrechtWithItsCbsCode() {
        assertThat(contribution.region().id()).isEqualTo(UtrechtPilot.REGION_ID);
        assertThat(contribution.region().cbsCodes()).containsExactly("PV26");
    }

    @Test
    void regionIsTheOneTheManifestDeclares() throws IOException {
        Properties bnd = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("bnd.bnd"), StandardCharsets.UTF_8)) {
            bnd.load(reader);
        }
        assertThat(bnd.getProperty(Pilot.REGION_HEADER)).isEqualTo(UtrechtPilot.REGION_ID)
                .isEqualTo(contribution.region().id());
    }

    @Test
    void isMarkedAsExampleData() {
        assertThat(contribution.exampleData()).isTrue();
        assertThat(contribution.opgaven()).allSatisfy(o -> assertThat(o.description()).contains("voorbeelddata"));
        assertThat(contribution.kpis()).allSatisfy(k -> assertThat(k.metadata().method()).contains("Illustratief"));
    }

    @Test
    void overvechtNoordIsAnOpgaveOfTheEnergyTransition() {
        assertThat(contribution.opgaven()).extracting(Opgave::id, Opgave::theme).contains(
                tuple(UtrechtOpgaven.OVERVECHT_NOORD, Theme.ENERGIETRANSITIE));
        assertThat(contribution.opgaven()).allSatisfy(o -> assertThat(o.regionId()).isEqualTo(UtrechtPilot.REGION_ID));
    }

    @Test
    void everyKpiBelongsToAnOpgaveOfThisPilotAndIsFullyDescribed() {
        Set<String> opgaven = contribution.opgaven().stream().map(Opgave::id).collect(Collectors.toSet());
        assertThat(contribution.kpis()).allSatisfy(kpi -> {
            assertThat(opgaven).as("opgave of %s", kpi.id()).contains(kpi.opgaveId());
            assertThat(kpi.targets()).hasSizeBetween(1, 3);
            assertThat(kpi.metadata().definition()).isNotBlank();
            assertThat(kpi.metadata().source()).isNotBlank();
        });
    }

    @Test
    void idsAreUniqueAndStartWithTheRegion() {
        List<String> ids = new ArrayList<>();
        contribution.opgaven().forEach(o -> ids.add(o.id()));
        contribution.kpis().forEach(k -> ids.add(k.id()));
        contribution.lessons().forEach(l -> ids.add(l.id()));
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.startsWith("utrecht-"));
        assertThat(contribution.screens()).extracting(Screen::id).doesNotHaveDuplicates();
    }

    @Test
    void homesPerDayIsTheStandardIndicatorWithTheNationalNeedAsTarget() {
        Kpi perDay = contribution.kpis().stream().filter(k -> k.id().equals(UtrechtKpis.WONINGEN_PER_DAG))
                .findFirst().orElseThrow();
        assertThat(perDay.standardCode()).isEqualTo("woningen-verduurzaamd-per-dag");
        assertThat(perDay.rollUp()).isEqualTo(RollUp.SUM);
        assertThat(perDay.unit()).isEqualTo("woningen per dag");
        assertThat(perDay.direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(perDay.baseline().value()).isEqualTo(40);
        assertThat(perDay.targets()).allSatisfy(t -> assertThat(t.value()).isEqualTo(1_000));
        assertThat(perDay.metadata().source()).contains("Klimaatverbond");
        assertThat(contribution.kpis()).filteredOn(k -> "woningen-verduurzaamd-per-dag".equals(k.standardCode()))
                .as("one KPI per region carries the code").hasSize(1);
    }

    @Test
    void everyWidgetShowsAKpiOfThisPilot() {
        Set<String> kpis = contribution.kpis().stream().map(Kpi::id).collect(Collectors.toSet());
        List<String> shown = widgets().stream().flatMap(w -> kpiIdsOf(w).stream()).toList();
        assertThat(shown).isNotEmpty().allMatch(kpis::contains).containsAll(kpis);
    }

    @Test
    void overviewHasTilesChartsATableATextAndTheMap() {
        assertThat(contribution.screens()).singleElement().extracting(Screen::title).isEqualTo("Overzicht");
        assertThat(widgets()).hasAtLeastOneElementOfType(KpiTile.class).hasAtLeastOneElementOfType(KpiChart.class)
                .hasAtLeastOneElementOfType(KpiTable.class).hasAtLeastOneElementOfType(TextBlock.class)
                .hasAtLeastOneElementOfType(RegionMap.class);
    }

    @Test
    void lessonsAreUtrechtsAndCoverTheNeighbourhoodApproachAndParticipation() {
        Set<String> opgaven = contribution.opgaven().stream().map(Opgave::id).collect(Collectors.toSet());
        assertThat(contribution.lessons()).hasSizeGreaterThanOrEqualTo(3).allSatisfy(lesson -> {
            assertThat(lesson.regionId()).isEqualTo(UtrechtPilot.REGION_ID);
            assertThat(opgaven).contains(lesson.opgaveId());
        });
        assertThat(contribution.lessons()).anySatisfy(l -> assertThat(l.title()).contains("Wijkaanpak"))
                .anySatisfy(l -> assertThat(l.title()).contains("Bewonersparticipatie"));
    }

    private List<Widget> widgets() {
        return contribution.screens().stream().filter(WidgetScreen.class::isInstance)
                .flatMap(s -> ((WidgetScreen) s).widgets().stream()).toList();
    }

    private static List<String> kpiIdsOf(Widget widget) {
        if (widget instanceof KpiTile tile) {
            return List.of(tile.kpiId());
        }
        if (widget instanceof KpiChart chart) {
            return chart.kpiIds();
        }
        if (widget instanceof KpiTable table) {
            return table.kpiIds();
        }
        return List.of();
    }
}
