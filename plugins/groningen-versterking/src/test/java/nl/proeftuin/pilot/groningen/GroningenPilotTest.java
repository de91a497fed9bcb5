package nl.proeftuin.pilot.groningen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import nl.proeftuin.api.model.Kpi;
import nl.proeftuin.api.model.Measurement;
import nl.proeftuin.api.model.Opgave;
import nl.proeftuin.api.model.Theme;
import nl.proeftuin.api.pilot.Contribution;
import nl.proeftuin.api.pilot.Pilot;
import nl.proeftuin.api.screen.KpiChart;
import nl.proeftuin.api.screen.KpiTable;
import nl.proeftuin.api.screen.KpiTile;
import nl.proeftuin.api.screen.PageScreen;
import nl.proeftuin.api.screen.Screen;
import nl.proeftuin.api.screen.Widget;
import nl.proeftuin.api.screen.WidgetScreen;
import org.junit.jupiter.api.Test;

class GroningenPilotTest {

    private final Contribution contribution = new GroningenPilot().contribution();

    @Test
    void contributionBuildsWithoutException() {
        assertThatCode(() -> new GroningenPilot().contribution()).doesNotThrowAnyException();
    }

    @Test
    void contributesTheProvinceOfGroningenWithItsCbsCode() {
        assertThat(contribution.region().id()).isEqualTo(GroningenPilot.REGION_ID);
        assertThat(contribution.region().cbsCodes()).containsExactly("PV20");
    }

    @Test
    void regionIsTheOneTheManifestDeclares() throws IOException {
        Properties bnd = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("bnd.bnd"), StandardCharsets.UTF_8)) {
            bnd.load(reader);
        }
        assertThat(bnd.getProperty(Pilot.REGION_HEADER)).isEqualTo(GroningenPilot.REGION_ID)
                .isEqualTo(contribution.region().id());
    }

    @Test
    void isMarkedAsExampleData() {
        assertThat(contribution.exampleData()).isTrue();
        assertThat(contribution.opgaven()).allSatisfy(o -> assertThat(o.description()).contains("voorbeelddata"));
        assertThat(contribution.kpis()).allSatisfy(k -> assertThat(k.metadata().method()).contains("Illustratief"));
    }

    @Test
    void opgavenAreVersterkingAndVerduurzaming() {
        assertThat(contribution.opgaven()).extracting(Opgave::theme)
                .containsExactly(Theme.VERSTERKING, Theme.VERDUURZAMING);
        assertThat(contribution.opgaven()).allSatisfy(o -> assertThat(o.regionId()).isEqualTo(GroningenPilot.REGION_ID));
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
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.startsWith("groningen-"));
        assertThat(contribution.screens()).extracting(Screen::id).doesNotHaveDuplicates();
    }

    @Test
    void assessmentTargetIsTheWholeTaskOfAbout26000Homes() {
        Kpi assessed = kpi(GroningenKpis.WONINGEN_BEOORDEELD);
        assertThat(assessed.finalTarget().value()).isEqualTo(26_000);
        assertThat(assessed.finalTarget().date()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void aboutAThousandHomesAreReinforcedSoFar() {
        Measurement latest = contribution.initialMeasurements().stream()
                .filter(m -> m.kpiId().equals(GroningenKpis.WONINGEN_VERSTERKT))
                .max(Comparator.comparing(Measurement::period)).orElseThrow();
        assertThat(latest.value()).isBetween(900.0, 1_100.0);
        assertThat(latest.value()).isLessThan(kpi(GroningenKpis.WONINGEN_VERSTERKT).targets().get(0).value());
    }

    @Test
    void everyWidgetShowsAKpiOfThisPilot() {
        Set<String> kpis = contribution.kpis().stream().map(Kpi::id).collect(Collectors.toSet());
        List<String> shown = contribution.screens().stream().filter(WidgetScreen.class::isInstance)
                .flatMap(s -> ((WidgetScreen) s).widgets().stream()).flatMap(w -> kpiIdsOf(w).stream()).toList();
        assertThat(shown).isNotEmpty().allMatch(kpis::contains);
    }

    @Test
    void ownPageIsOnTheClassPathWhereTheScreenPointsTo() {
        PageScreen page = contribution.screens().stream().filter(PageScreen.class::isInstance)
                .map(PageScreen.class::cast).findFirst().orElseThrow();
        assertThat(page.title()).isEqualTo("Wanneer ben ik aan de beurt?");
        assertThat(GroningenPilot.class.getResource(page.resourceRoot() + "/" + page.entry())).isNotNull();
    }

    @Test
    void initialMeasurementsReferToOwnKpisExceptTheOneTheFeedDelivers() {
        Set<String> measured = contribution.initialMeasurements().stream().map(Measurement::kpiId)
                .collect(Collectors.toSet());
        Set<String> kpis = contribution.kpis().stream().map(Kpi::id).collect(Collectors.toSet());
        assertThat(kpis).containsAll(measured);
        assertThat(measured).doesNotContainAnyElementsOf(new GroningenAssessmentFeed().kpiIds())
                .hasSize(kpis.size() - 1);
        assertThat(contribution.initialMeasurements()).allSatisfy(m -> {
            assertThat(m.source()).startsWith("Voorbeelddata");
            assertThat(m.recordedBy()).isNull();
            assertThat(m.period()).isBeforeOrEqualTo(LocalDate.now());
        });
        assertThat(new GroningenPilot().contribution().initialMeasurements())
                .as("the same on every call").isEqualTo(contribution.initialMeasurements());
    }

    @Test
    void lessonsAreGroningensAndReferToItsOwnOpgaven() {
        Set<String> opgaven = contribution.opgaven().stream().map(Opgave::id).collect(Collectors.toSet());
        assertThat(contribution.lessons()).hasSizeGreaterThanOrEqualTo(3).allSatisfy(lesson -> {
            assertThat(lesson.regionId()).isEqualTo(GroningenPilot.REGION_ID);
            assertThat(opgaven).contains(lesson.opgaveId());
        });
    }

    private Kpi kpi(String id) {
        return contribution.kpis().stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
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
