package nl.proeftuin.pilot.groningen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonthlyCountsTest {

    @Test
    void shippedFileHoldsTheRemaining20000HomesMonthByMonth() throws IOException {
        List<MonthlyCounts.MonthlyCount> counts;
        try (InputStream in = MonthlyCounts.class.getResourceAsStream(GroningenAssessmentFeed.RESOURCE)) {
            counts = MonthlyCounts.parse(in, GroningenAssessmentFeed.RESOURCE);
        }
        assertThat(counts.get(0).month()).isEqualTo(YearMonth.of(2023, 1));
        assertThat(counts.stream().mapToInt(MonthlyCounts.MonthlyCount::homes).sum())
                .isEqualTo((int) (GroningenKpis.BEOORDEELD_TOTAL - GroningenKpis.BEOORDEELD_BASELINE.value()));
        for (int i = 1; i < counts.size(); i++) {
            assertThat(counts.get(i).month()).isEqualTo(counts.get(i - 1).month().plusMonths(1));
        }
    }

    @Test
    void skipsCommentsAndBlankLines() throws IOException {
        List<MonthlyCounts.MonthlyCount> counts = parse("# voorbeelddata\n\nmaand,woningen_beoordeeld\n2024-01,10\n"
                + "# tussendoor\n2024-02, 12\n");

        assertThat(counts).containsExactly(new MonthlyCounts.MonthlyCount(YearMonth.of(2024, 1), 10),
                new MonthlyCounts.MonthlyCount(YearMonth.of(2024, 2), 12));
    }

    @Test
    void rejectsAFileWithoutHeader() {
        assertThatThrownBy(() -> parse("2024-01,10\n")).isInstanceOf(IOException.class)
                .hasMessageContaining("test.csv:1").hasMessageContaining("header");
    }

    @Test
    void rejectsABadLineNamingItsNumber() {
        assertThatThrownBy(() -> parse("maand,woningen_beoordeeld\n2024-01,10\njanuari,12\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("test.csv:3").hasMessageContaining("januari");
        assertThatThrownBy(() -> parse("maand,woningen_beoordeeld\n2024-01,-5\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("test.csv:2").hasMessageContaining("negative");
    }

    @Test
    void rejectsMonthsOutOfOrder() {
        assertThatThrownBy(() -> parse("maand,woningen_beoordeeld\n2024-02,10\n2024-01,12\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("test.csv:3").hasMessageContaining("2024-01");
    }

    private static List<MonthlyCounts.MonthlyCount> parse(String csv) throws IOException {
        return MonthlyCounts.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test.csv");
    }
}
