package nl.proeftuin.api.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The widget records: optional titles, KPI references. */
class WidgetTest {

    @Test
    void optionalTitlesBecomeEmpty() {
        assertThat(new KpiTile(null, "zeeland-woningen").title()).isEmpty();
        assertThat(new TextBlock(null, "Tekst").title()).isEmpty();
        assertThat(new RegionMap(null).title()).isEmpty();
    }

    @Test
    void rejectsTileWithBadKpiId() {
        assertThatThrownBy(() -> new KpiTile("Woningen", "Zeeland Woningen"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KpiTile.kpiId")
                .hasMessageContaining("\"Zeeland Woningen\"");
    }

    @Test
    void rejectsChartAndTableWithoutKpis() {
        assertThatThrownBy(() -> new KpiChart("Voortgang", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KpiChart.kpiIds");
        assertThatThrownBy(() -> new KpiTable("Voortgang", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KpiTable.kpiIds");
    }

    @Test
    void rejectsChartAndTableWithBadKpiIdNamingItsIndex() {
        assertThatThrownBy(() -> new KpiChart("Voortgang", List.of("a", "B")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KpiChart.kpiIds[1]")
                .hasMessageContaining("\"B\"");
        assertThatThrownBy(() -> new KpiTable("Voortgang", List.of("a-")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KpiTable.kpiIds[0]")
                .hasMessageContaining("\"a-\"");
    }

    @Test
    void rejectsChartAndTableWithBlankTitle() {
        assertThatThrownBy(() -> new KpiChart(null, List.of("a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KpiChart.title");
        assertThatThrownBy(() -> new KpiTable(" ", List.of("a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KpiTable.title");
    }

    @Test
    void chartKeepsItsOwnUnmodifiableCopyOfKpiIds() {
        List<String> ids = new ArrayList<>(List.of("a"));
        KpiChart chart = new KpiChart("Voortgang", ids);
        ids.add("b");

        assertThat(chart.kpiIds()).containsExactly("a");
        assertThatThrownBy(() -> chart.kpiIds().add("b"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsBlankText() {
        assertThatThrownBy(() -> new TextBlock("Over", "  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TextBlock.text")
                .hasMessageContaining("\"  \"");
    }
}
