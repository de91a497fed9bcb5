package nl.proeftuin.pilot.groningen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.proeftuin.api.model.Kpi;
import nl.proeftuin.api.model.Measurement;
import org.junit.jupiter.api.Test;

class GroningenAssessmentFeedTest {

    @Test
    void firstCallDeliversEveryMonthReachedSoFar() throws Exception {
        List<Measurement> rows = feedOn(2024, 6, 15).fetch(null);

        assertThat(rows).extracting(Measurement::period).first().isEqualTo(LocalDate.of(2023, 1, 31));
        assertThat(rows).extracting(Measurement::period).last().isEqualTo(LocalDate.of(2024, 5, 31));
        assertThat(rows).hasSize(17);
    }

    @Test
    void returnsNothingInTheFuture() throws Exception {
        LocalDate today = LocalDate.of(2026, 11, 22);
        List<Measurement> rows = feedOn(today.getYear(), today.getMonthValue(), today.getDayOfMonth()).fetch(null);

        assertThat(rows).isNotEmpty().allSatisfy(m -> assertThat(m.period()).isBeforeOrEqualTo(today));
        assertThat(rows).extracting(Measurement::period).last().isEqualTo(LocalDate.of(2026, 10, 31));
    }

    @Test
    void returnsOnlyTheMonthsAfterSince() throws Exception {
        Instant since = at(2024, 3, 10);

        List<Measurement> rows = feedOn(2024, 6, 15).fetch(since);

        assertThat(rows).extracting(Measurement::period).containsExactly(LocalDate.of(2024, 3, 31),
                LocalDate.of(2024, 4, 30), LocalDate.of(2024, 5, 31));
    }

    @Test
    void aMonthAppearsOnItsLastDayAndOnlyOnce() throws Exception {
        List<Measurement> lastDay = feedOn(2024, 5, 31).fetch(at(2024, 5, 30));
        List<Measurement> nextDay = feedOn(2024, 6, 1).fetch(at(2024, 5, 31));

        assertThat(lastDay).extracting(Measurement::period).containsExactly(LocalDate.of(2024, 5, 31));
        assertThat(nextDay).isEmpty();
    }

    @Test
    void sinceCountsInDutchTime() throws Exception {
        // 23:30 UTC on 31 March is already 1 April in the Netherlands: March was handed out in that fetch
        Instant since = Instant.parse("2024-03-31T23:30:00Z");

        List<Measurement> rows = feedOn(2024, 4, 20).fetch(since);

        assertThat(rows).isEmpty();
    }

    @Test
    void callsOnASchedulePickUpEveryMonthExactlyOnce() throws Exception {
        List<Measurement> collected = new ArrayList<>();
        Instant since = null;
        for (ZonedDateTime now = start(2023, 1, 1); now.getYear() < 2028; now = now.plusDays(9)) {
            Clock clock = Clock.fixed(now.toInstant(), GroningenAssessmentFeed.ZONE);
            collected.addAll(new GroningenAssessmentFeed(clock).fetch(since));
            since = now.toInstant();
        }

        assertThat(collected).extracting(Measurement::period).doesNotHaveDuplicates()
                .isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(collected).isEqualTo(feedOn(2030, 1, 1).fetch(null));
    }

    @Test
    void valuesAreRunningTotalsFromTheBaselineUpToTheWholeTask() throws Exception {
        List<Measurement> rows = feedOn(2030, 1, 1).fetch(null);

        assertThat(rows).extracting(Measurement::value).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(rows.get(0).value()).isGreaterThan(GroningenKpis.BEOORDEELD_BASELINE.value());
        assertThat(rows.get(rows.size() - 1).value()).isEqualTo(GroningenKpis.BEOORDEELD_TOTAL);
    }

    @Test
    void deliversOnlyItsOwnKpiAsUnrecordedExampleData() throws Exception {
        GroningenAssessmentFeed feed = feedOn(2025, 1, 15);
        List<String> pilotKpis = new GroningenPilot().contribution().kpis().stream().map(Kpi::id).toList();

        assertThat(pilotKpis).containsAll(feed.kpiIds());
        assertThat(feed.fetch(null)).allSatisfy(m -> {
            assertThat(feed.kpiIds()).contains(m.kpiId());
            assertThat(m.source()).startsWith("Voorbeelddata");
            assertThat(m.recordedBy()).isNull();
            assertThat(m.recordedAt()).isNull();
        });
        assertThat(feed.interval()).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
    }

    private static GroningenAssessmentFeed feedOn(int year, int month, int day) {
        return new GroningenAssessmentFeed(Clock.fixed(at(year, month, day), GroningenAssessmentFeed.ZONE));
    }

    /** Noon, Dutch time, on the given day. */
    private static Instant at(int year, int month, int day) {
        return start(year, month, day).plusHours(12).toInstant();
    }

    private static ZonedDateTime start(int year, int month, int day) {
        return LocalDate.of(year, month, day).atStartOfDay(GroningenAssessmentFeed.ZONE);
    }
}
