package nl.proeftuin.progress;

import static nl.proeftuin.progress.Fixtures.point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The overview per theme or region: how many KPIs have each status. */
class SummariseTest {

    private static KpiProgress withStatus(String kpiId, Status status) {
        return new KpiProgress(kpiId, status, null, point(2030, 1, 1, 100), Double.NaN, null,
                null, null, Double.NaN);
    }

    @Test
    void countsEveryStatusPerGroupWithKeysInAlphabeticalOrder() {
        Map<String, List<KpiProgress>> perRegion = new HashMap<>();
        perRegion.put("zeeland", List.of(withStatus("zeeland-isolatie", Status.ON_TRACK),
                withStatus("zeeland-co2", Status.OFF_TRACK),
                withStatus("zeeland-warmtenet", Status.ON_TRACK)));
        perRegion.put("drenthe", List.of(withStatus("drenthe-isolatie", Status.NO_DATA)));
        perRegion.put("achterhoek", List.of());

        List<Summary> summaries = ProgressCalculator.summarise(perRegion);

        assertThat(summaries).extracting(Summary::key)
                .containsExactly("achterhoek", "drenthe", "zeeland");
        Summary zeeland = summaries.get(2);
        assertThat(zeeland.counts().keySet()).containsExactly(Status.values());
        assertThat(zeeland.counts().values()).containsExactly(0, 2, 0, 1, 0);
        assertThat(zeeland.count(Status.ON_TRACK)).isEqualTo(2);
        assertThat(zeeland.total()).isEqualTo(3);
        assertThat(summaries.get(0).counts()).containsOnlyKeys(Status.values())
                .allSatisfy((status, count) -> assertThat(count).isZero());
        assertThat(summaries.get(0).total()).isZero();
        assertThat(summaries.get(1).count(Status.NO_DATA)).isEqualTo(1);
    }

    @Test
    void summariesCannotBeChangedByTheirReaders() {
        List<Summary> summaries = ProgressCalculator.summarise(Map.of("energietransitie",
                List.of(withStatus("zeeland-isolatie", Status.ACHIEVED))));

        assertThatThrownBy(() -> summaries.get(0).counts().put(Status.ACHIEVED, 5))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> summaries.add(summaries.get(0)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aSummaryWhoseTotalDisagreesWithItsCountsIsRefused() {
        assertThatThrownBy(() -> new Summary("wonen", Map.of(Status.ON_TRACK, 2), 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wonen");
    }
}
