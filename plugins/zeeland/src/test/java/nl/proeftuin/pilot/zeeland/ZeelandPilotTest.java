package nl.proeftuin.pilot.zeeland;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

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

class ZeelandPilotTest {

    private final Contribution contribution = new ZeelandPilot().contribution();

    @Test
    void contributionBuildsWithoutException() {
        assertThatCode(() -> new ZeelandPilot().contribution()).doesNotThrowAnyException();
    }

    @Test
    void contributesTheProvinceOfZeelandWithItsCbsCode() {
        assertThat(contribution.region().id()).isEqualTo(ZeelandPilot.REGION_ID);
        assertThat(contribution.region().name()).isEqualTo("Zeeland");
        assertThat(contribution.region().cbsCodes()).containsExactly("PV29");
    }

    @Test
    void regionIsTheOneTheManifestDeclares() throws IOException {
        Properties bnd = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("bnd.bnd"), StandardCharsets.UTF_8)) {
            bnd.load(reader);
        }
        assertThat(bnd.getProperty(Pilot.REGION_HEADER)).isEqualTo(ZeelandPilot.REGION_ID)
                .isEqualTo(contribution.region().id());
    }

    @Test
    void isMarkedAsExampleDataEverywhereAReaderLooks() {
        assertThat(contribution.exampleData()).isTrue();
        assertThat(contribution.opgaven()).allSatisfy(o -> assertThat(o.description()).contains("voorbeelddata"));
        assertThat(contribution.kpis()).allSatisfy(k -> assertThat(k.metadata().method()).contains("Illustratief"));
    }

    @Test
    void hasTheThreeOpgavenOfTheProeftuinEachWithTwoOrMoreKpis() {
        assertThat(contribution.opgaven()).extracting(Opgave::theme)
                .containsExactly(Theme.ENERGIETRANSITIE, Theme.TECHNISCH_ONDERWIJS, Theme.LEEFBAARHEID);
        assertThat(contribution.opgaven()).allSatisfy(opgave -> {
            assertThat(opgave.regionId()).isEqualTo(ZeelandPilot.REGION_ID);
            assertThat(contribution.kpis()).filteredOn(k -> k.opgaveId().equals(opgave.id()))
                    .as("KPIs of %s", opgave.id()).hasSizeGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void everyKpiBelongsToAnOpgaveOfThisPilot() {
        Set<String> opgaven = contribution.opgaven().stream().map(Opgave::id).collect(Collectors.toSet());
        assertThat(contribution.kpis()).extracting(Kpi::opgaveId).allMatch(opgaven::contains);
    }

    @Test
    void idsAreUniqueAndStartWithTheRegion() {
        List<String> ids = new ArrayList<>();
        contribution.opgaven().forEach(o -> ids.add(o.id()));
        contribution.kpis().forEach(k -> ids.add(k.id()));
        contribution.lessons().forEach(l -> ids.add(l.id()));
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.startsWith("zeeland-"));
        assertThat(contribution.screens()).extracting(Screen::id).doesNotHaveDuplicates();
    }

    @Test
    void everyKpiHasUnitTargetsAndMetadata() {
        assertThat(contribution.kpis()).allSatisfy(kpi -> {
            assertThat(kpi.targets()).as("targets of %s", kpi.id()).hasSizeBetween(1, 3);
            assertThat(kpi.metadata().definition()).as("definition of %s", kpi.id()).isNotBlank();
            assertThat(kpi.metadata().source()).as("source of %s", kpi.id()).isNotBlank();
            assertThat(kpi.metadata().method()).as("method of %s", kpi.id()).isNotBlank();
        });
    }

    @Test
    void co2IsTheOnlyKpiWhereLowerIsBetterAndItsTargetsGoDown() {
        Kpi co2 = kpi(ZeelandKpis.CO2_GEBOUWDE_OMGEVING);
        assertThat(co2.direction()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(co2.finalTarget().value()).isLessThan(co2.baseline().value());
        assertThat(contribution.kpis()).filteredOn(k -> k != co2)
                .allSatisfy(k -> assertThat(k.finalTarget().value()).as(k.id()).isGreaterThan(k.baseline().value()));
    }

    @Test
    void everyWidgetShowsAKpiOfThisPilot() {
        Set<String> kpis = contribution.kpis().stream().map(Kpi::id).collect(Collectors.toSet());
        List<String> shown = widgets().stream().flatMap(w -> kpiIdsOf(w).stream()).toList();
        assertThat(shown).isNotEmpty().allMatch(kpis::contains);
    }

    @Test
    void overviewHasTilesAChartATableATextAndTheMap() {
        assertThat(contribution.screens()).singleElement().isInstanceOf(WidgetScreen.class)
                .extracting(Screen::title).isEqualTo("Overzicht");
        List<Widget> widgets = widgets();
        assertThat(widgets).hasAtLeastOneElementOfType(KpiTile.class).hasAtLeastOneElementOfType(KpiChart.class)
                .hasAtLeastOneElementOfType(KpiTable.class).hasAtLeastOneElementOfType(TextBlock.class)
                .hasAtLeastOneElementOfType(RegionMap.class);
        assertThat(widgets).filteredOn(KpiTable.class::isInstance).singleElement()
                .satisfies(t -> assertThat(((KpiTable) t).kpiIds()).hasSameSizeAs(contribution.kpis()));
    }

    @Test
    void lessonsAreZeelandsAndReferToItsOwnOpgaven() {
        Set<String> opgaven = contribution.opgaven().stream().map(Opgave::id).collect(Collectors.toSet());
        assertThat(contribution.lessons()).hasSizeGreaterThanOrEqualTo(3).allSatisfy(lesson -> {
            assertThat(lesson.regionId()).isEqualTo(ZeelandPilot.REGION_ID);
            assertThat(lesson.opgaveId() == null || opgaven.contains(lesson.opgaveId()))
                    .as("opgave of %s", lesson.id()).isTrue();
        });
    }

    private Kpi kpi(String id) {
        return contribution.kpis().stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
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
