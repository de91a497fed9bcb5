package nl.proeftuin.progress;

import static nl.proeftuin.progress.Fixtures.co2Uitstoot;
import static nl.proeftuin.progress.Fixtures.day;
import static nl.proeftuin.progress.Fixtures.kpi;
import static nl.proeftuin.progress.Fixtures.m;
import static nl.proeftuin.progress.Fixtures.point;
import static nl.proeftuin.progress.Fixtures.woningenGeisoleerd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import nl.proeftuin.api.model.Direction;
import nl.proeftuin.api.model.Kpi;
import nl.proeftuin.api.model.Measurement;
import nl.proeftuin.api.model.RollUp;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The status, pace and projection of one KPI, as the ministry dashboard shows them. */
class ProgressCalculatorTest {

    private static final double EPS = 1e-9;

    private final Kpi woningen = woningenGeisoleerd();
    private final Kpi co2 = co2Uitstoot();

    private static KpiProgress progress(Kpi kpi, LocalDate today, Measurement... measurements) {
        return ProgressCalculator.progress(kpi, List.of(measurements), today);
    }

    @Nested
    class NoData {

        @Test
        void aKpiWithoutMeasurementsHasNoDataAndOnlyItsGoverningTarget() {
            KpiProgress p = progress(woningen, day(2024, 6, 1));

            assertThat(p.kpiId()).isEqualTo("zeeland-woningen-geisoleerd");
            assertThat(p.status()).isEqualTo(Status.NO_DATA);
            assertThat(p.latest()).isNull();
            assertThat(p.target()).isEqualTo(point(2025, 1, 1, 2192));
            assertThat(p.expected()).isNaN();
            assertThat(p.shareOfTarget()).isNaN();
            assertThat(p.actualPace()).isNull();
            assertThat(p.requiredPace()).isNull();
            assertThat(p.projectedDate()).isNull();
        }

        @Test
        void theGoverningTargetIsTheFirstOneOnOrAfterToday() {
            assertThat(progress(woningen, day(2022, 6, 1)).target()).isEqualTo(point(2023, 1, 1, 730));
            assertThat(progress(woningen, day(2023, 1, 1)).target()).isEqualTo(point(2023, 1, 1, 730));
            assertThat(progress(woningen, day(2023, 1, 2)).target()).isEqualTo(point(2025, 1, 1, 2192));
            assertThat(progress(woningen, day(2027, 1, 1)).target())
                    .as("all targets past: the final one governs").isEqualTo(point(2025, 1, 1, 2192));
        }
    }

    @Nested
    class SinglePoint {

        @Test
        void paceRunsFromTheBaselineToTheOnlyMeasurement() {
            // 50 homes 100 days after the baseline of 0: half a home a day
            KpiProgress p = progress(woningen, day(2021, 5, 1), m(woningen, 2021, 4, 11, 50));

            assertThat(p.latest()).isEqualTo(point(2021, 4, 11, 50));
            assertThat(p.actualPace().perDay()).isCloseTo(0.5, within(EPS));
            assertThat(p.expected()).isCloseTo(100, within(EPS));
            // 50 behind of a scale of 2192: within the 10% band
            assertThat(p.status()).isEqualTo(Status.AT_RISK);
            // (730 - 50) homes in the 630 days to 2023-01-01
            assertThat(p.requiredPace().perDay()).isCloseTo(680.0 / 630, within(EPS));
            // (2192 - 50) / 0.5 = 4284 days after 2021-04-11
            assertThat(p.projectedDate()).isEqualTo(day(2033, 1, 2));
            assertThat(p.shareOfTarget()).isCloseTo(50.0 / 730, within(EPS));
        }

        @Test
        void aSingleMeasurementOnTheBaselineDateGivesNoPaceAndNoProjection() {
            KpiProgress p = progress(woningen, day(2021, 2, 1), m(woningen, 2021, 1, 1, 0));

            assertThat(p.status()).isEqualTo(Status.ON_TRACK);
            assertThat(p.actualPace()).isNull();
            assertThat(p.projectedDate()).isNull();
            assertThat(p.requiredPace().perDay()).isCloseTo(1.0, within(EPS));
        }
    }

    @Nested
    class Achieved {

        @Test
        void meetingTheFinalTargetIsAchievedSinceTheFirstMeasurementThatMetIt() {
            KpiProgress p = progress(woningen, day(2024, 7, 15),
                    m(woningen, 2022, 6, 30, 1500),
                    m(woningen, 2024, 6, 30, 2250),
                    m(woningen, 2023, 12, 31, 2192));

            assertThat(p.status()).isEqualTo(Status.ACHIEVED);
            assertThat(p.projectedDate()).as("first period at or past 2192").isEqualTo(day(2023, 12, 31));
            assertThat(p.requiredPace()).isNull();
            assertThat(p.actualPace()).isNotNull();
            assertThat(p.shareOfTarget()).isCloseTo(2250.0 / 2192, within(EPS));
        }

        @Test
        void aDipBelowTheFinalTargetAfterReachingItIsNoLongerAchieved() {
            KpiProgress p = progress(woningen, day(2024, 7, 15),
                    m(woningen, 2024, 1, 31, 2200),
                    m(woningen, 2024, 6, 30, 2100));

            assertThat(p.status()).isNotEqualTo(Status.ACHIEVED);
            assertThat(p.latest().value()).isEqualTo(2100);
        }

        @Test
        void meetingOnlyAnIntermediateTargetIsNotAchieved() {
            KpiProgress p = progress(woningen, day(2023, 2, 1), m(woningen, 2023, 1, 1, 800));

            assertThat(p.status()).isEqualTo(Status.ON_TRACK);
            assertThat(p.target()).isEqualTo(point(2025, 1, 1, 2192));
        }
    }

    @Nested
    class LowerIsBetter {

        @Test
        void emissionsBelowTheTrajectoryAreOnTrack() {
            // trajectory on 2022-01-01: 1000 - 365 = 635 kton
            KpiProgress p = progress(co2, day(2022, 2, 1), m(co2, 2022, 1, 1, 600));

            assertThat(p.expected()).isCloseTo(635, within(EPS));
            assertThat(p.status()).isEqualTo(Status.ON_TRACK);
        }

        @Test
        void emissionsAboveTheTrajectoryAreAtRiskThenOffTrack() {
            // scale 730 kton, so the at-risk band is 73 kton above the trajectory of 635
            assertThat(progress(co2, day(2022, 2, 1), m(co2, 2022, 1, 1, 650)).status())
                    .isEqualTo(Status.AT_RISK);
            assertThat(progress(co2, day(2022, 2, 1), m(co2, 2022, 1, 1, 720)).status())
                    .isEqualTo(Status.OFF_TRACK);
        }

        @Test
        void emissionsAtOrBelowTheTargetAreAchieved() {
            assertThat(progress(co2, day(2022, 2, 1), m(co2, 2022, 1, 1, 270)).status())
                    .isEqualTo(Status.ACHIEVED);
            assertThat(progress(co2, day(2022, 2, 1), m(co2, 2022, 1, 1, 250)).status())
                    .isEqualTo(Status.ACHIEVED);
        }

        @Test
        void fallingEmissionsProjectADateAndRequireAFall() {
            KpiProgress p = progress(co2, day(2022, 2, 1),
                    m(co2, 2021, 7, 1, 800), m(co2, 2022, 1, 1, 600));

            // -200 kton over 184 days
            assertThat(p.actualPace().perDay()).isCloseTo(-200.0 / 184, within(EPS));
            // ceil((270 - 600) / (-200 / 184)) = ceil(303.6) = 304 days
            assertThat(p.projectedDate()).isEqualTo(day(2022, 11, 1));
            // 330 kton still to go in the 365 days to 2023-01-01: a fall
            assertThat(p.requiredPace().perDay()).isCloseTo(-330.0 / 365, within(EPS));
            assertThat(p.shareOfTarget()).isCloseTo(400.0 / 730, within(EPS));
        }

        @Test
        void risingEmissionsAreNeverReachedAtTheCurrentPace() {
            KpiProgress p = progress(co2, day(2022, 2, 1),
                    m(co2, 2021, 7, 1, 600), m(co2, 2022, 1, 1, 620));

            assertThat(p.actualPace().perDay()).isPositive();
            assertThat(p.projectedDate()).isNull();
        }
    }

    @Nested
    class PaceAndProjection {

        @Test
        void aFlatPaceIsNeverAtTheCurrentPace() {
            KpiProgress p = progress(woningen, day(2022, 8, 1),
                    m(woningen, 2022, 1, 1, 400), m(woningen, 2022, 4, 1, 400),
                    m(woningen, 2022, 7, 1, 400));

            assertThat(p.actualPace().perDay()).isZero();
            assertThat(p.projectedDate()).isNull();
            assertThat(p.requiredPace().perDay()).isCloseTo(330.0 / 184, within(EPS));
        }

        @Test
        void aNegativePaceMovingAwayFromTheTargetIsNeverAtTheCurrentPace() {
            KpiProgress p = progress(woningen, day(2022, 8, 1),
                    m(woningen, 2022, 1, 1, 500), m(woningen, 2022, 7, 1, 450));

            assertThat(p.actualPace().perDay()).isCloseTo(-50.0 / 181, within(EPS));
            assertThat(p.projectedDate()).isNull();
            assertThat(p.shareOfTarget()).isCloseTo(450.0 / 730, within(EPS));
        }

        @Test
        void theTrendUsesOnlyTheLast365DaysWhenTheyHoldTwoMeasurements() {
            // 2024-01-01 is exactly 365 days before 2024-12-31 and counts; 2023 does not
            KpiProgress p = progress(woningen, day(2025, 1, 1),
                    m(woningen, 2023, 6, 30, 0), m(woningen, 2024, 1, 1, 100),
                    m(woningen, 2024, 12, 31, 465));

            assertThat(p.actualPace().perDay()).isCloseTo(1.0, within(EPS));
        }

        @Test
        void theTrendUsesAllMeasurementsWhenTheLastYearHoldsOnlyOne() {
            // 1461 homes over the 1461 days from 2021-01-01 to 2025-01-01
            KpiProgress p = progress(woningen, day(2025, 1, 1),
                    m(woningen, 2021, 1, 1, 0), m(woningen, 2025, 1, 1, 1461));

            assertThat(p.actualPace().perDay()).isCloseTo(1.0, within(EPS));
        }

        @Test
        void theTrendIsALeastSquaresFitNotTheLastTwoPoints() {
            // values 0, 30, 30 at days 0, 30, 60: fitted slope 0.5 a day
            KpiProgress p = progress(woningen, day(2022, 3, 15),
                    m(woningen, 2022, 1, 1, 0), m(woningen, 2022, 1, 31, 30),
                    m(woningen, 2022, 3, 2, 30));

            assertThat(p.actualPace().perDay()).isCloseTo(0.5, within(EPS));
        }

        @Test
        void aPaceSoSlowThatTheTargetFallsAfterTheYear9999IsNever() {
            Kpi landelijk = kpi("nl-woningen-geisoleerd", "woningen", Direction.HIGHER_IS_BETTER,
                    RollUp.SUM, null, point(2024, 1, 1, 0), point(2030, 1, 1, 1e9));

            KpiProgress p = progress(landelijk, day(2025, 2, 1),
                    m(landelijk, 2024, 1, 1, 0), m(landelijk, 2025, 1, 1, 1));

            assertThat(p.actualPace().perDay()).isPositive();
            assertThat(p.projectedDate()).isNull();
        }

        @Test
        void paceConvertsToYearsAndMonthsOf365Point25Days() {
            Pace pace = new Pace(2);

            assertThat(pace.perYear()).isEqualTo(730.5);
            assertThat(pace.perMonth()).isCloseTo(60.875, within(EPS));
        }
    }

    @Nested
    class TargetsInThePast {

        private final Kpi isolatie = kpi("drenthe-woningen-geisoleerd", "woningen",
                Direction.HIGHER_IS_BETTER, RollUp.SUM, null, point(2020, 1, 1, 0),
                point(2024, 12, 31, 1000));

        @Test
        void aMissedTargetIsOffTrackOnceItsDateHasPassed() {
            Measurement bijna = m(isolatie, 2024, 12, 31, 950);

            KpiProgress onTheDay = progress(isolatie, day(2024, 12, 31), bijna);
            KpiProgress dayAfter = progress(isolatie, day(2025, 1, 1), bijna);

            assertThat(onTheDay.status()).as("50 short, within the band of 100").isEqualTo(Status.AT_RISK);
            assertThat(dayAfter.status()).isEqualTo(Status.OFF_TRACK);
            assertThat(dayAfter.target()).isEqualTo(point(2024, 12, 31, 1000));
            assertThat(dayAfter.requiredPace()).as("no pace can still make a passed date").isNull();
        }

        @Test
        void staleDataBeforeAPassedTargetGivesNoRequiredPace() {
            KpiProgress p = progress(isolatie, day(2026, 1, 1), m(isolatie, 2023, 1, 1, 600));

            assertThat(p.status()).isEqualTo(Status.OFF_TRACK);
            assertThat(p.requiredPace()).isNull();
            assertThat(p.expected()).isCloseTo(1000.0 * 1096 / 1826, within(EPS));
        }

        @Test
        void aPassedIntermediateTargetHandsOverToTheNextOne() {
            KpiProgress p = progress(woningen, day(2023, 6, 1), m(woningen, 2023, 5, 31, 1000));

            assertThat(p.target()).isEqualTo(point(2025, 1, 1, 2192));
            assertThat(p.status()).isNotEqualTo(Status.OFF_TRACK);
        }
    }

    @Nested
    class Trajectory {

        private double expectedOn(int year, int month, int day) {
            return progress(woningen, day(2025, 6, 1), m(woningen, year, month, day, 1)).expected();
        }

        @Test
        void followsEachSegmentBetweenBaselineAndTargets() {
            assertThat(expectedOn(2022, 1, 1)).as("1 a day in the first segment").isEqualTo(365);
            assertThat(expectedOn(2023, 1, 1)).as("on the intermediate target").isEqualTo(730);
            assertThat(expectedOn(2024, 1, 1)).as("2 a day in the second").isEqualTo(1460);
            assertThat(expectedOn(2025, 1, 1)).as("on the final target").isEqualTo(2192);
        }

        @Test
        void staysAtTheBaselineBeforeAndAtTheFinalTargetAfter() {
            assertThat(expectedOn(2020, 6, 1)).isEqualTo(0);
            assertThat(expectedOn(2026, 1, 1)).isEqualTo(2192);
        }
    }

    @Nested
    class AtRiskBand {

        // scale 1000: at risk down to 100 behind the trajectory, which is 500 on 2023-01-01
        private final Kpi isolatie = kpi("limburg-woningen-geisoleerd", "woningen",
                Direction.HIGHER_IS_BETTER, RollUp.SUM, null, point(2021, 1, 1, 0),
                point(2023, 1, 1, 500), point(2025, 1, 1, 1000));

        private Status statusAt(double value) {
            return progress(isolatie, day(2023, 2, 1), m(isolatie, 2023, 1, 1, value)).status();
        }

        @Test
        void onTheTrajectoryIsOnTrack() {
            assertThat(statusAt(500)).isEqualTo(Status.ON_TRACK);
            assertThat(statusAt(600)).isEqualTo(Status.ON_TRACK);
        }

        @Test
        void exactlyTenPercentBehindIsStillAtRisk() {
            assertThat(statusAt(499)).isEqualTo(Status.AT_RISK);
            assertThat(statusAt(400)).isEqualTo(Status.AT_RISK);
        }

        @Test
        void moreThanTenPercentBehindIsOffTrack() {
            assertThat(statusAt(399.9)).isEqualTo(Status.OFF_TRACK);
        }

        @Test
        void aBaselineEqualToTheTargetUsesTheTargetAsScale() {
            // keep the waiting time at 10 weeks: 10% of 10 weeks is 1 week of slack
            Kpi wachttijd = kpi("zeeland-wachttijd-renovatie", "weken", Direction.LOWER_IS_BETTER,
                    RollUp.AVERAGE, null, point(2023, 1, 1, 10), point(2026, 1, 1, 10));

            KpiProgress slightlyOver = progress(wachttijd, day(2024, 2, 1),
                    m(wachttijd, 2024, 1, 1, 11));
            KpiProgress met = progress(wachttijd, day(2024, 2, 1), m(wachttijd, 2024, 1, 1, 9));

            assertThat(slightlyOver.status()).isEqualTo(Status.AT_RISK);
            assertThat(slightlyOver.shareOfTarget()).isNaN();
            assertThat(met.status()).isEqualTo(Status.ACHIEVED);
            assertThat(met.shareOfTarget()).isEqualTo(1.0);
        }
    }

    @Nested
    class Measurements {

        @Test
        void ofTwoValuesForOnePeriodTheLaterRecordedOneCounts() {
            KpiProgress p = progress(woningen, day(2022, 3, 1),
                    m(woningen, 2022, 1, 1, 300, "2022-02-10T09:00:00Z"),
                    m(woningen, 2022, 1, 1, 350, "2022-02-01T09:00:00Z"),
                    m(woningen, 2022, 1, 1, 999));

            assertThat(p.latest()).isEqualTo(point(2022, 1, 1, 300));
        }

        @Test
        void anUnstampedValueCountsAsOlderThanAnyRecordedOne() {
            KpiProgress p = progress(woningen, day(2022, 3, 1),
                    m(woningen, 2022, 1, 1, 999),
                    m(woningen, 2022, 1, 1, 350, "2022-02-01T09:00:00Z"));

            assertThat(p.latest().value()).isEqualTo(350);
        }

        @Test
        void theOrderOfTheMeasurementsDoesNotMatter() {
            List<Measurement> measurements = new ArrayList<>(List.of(
                    m(woningen, 2021, 6, 1, 120), m(woningen, 2021, 9, 1, 230),
                    m(woningen, 2022, 1, 1, 370), m(woningen, 2022, 4, 1, 455)));
            KpiProgress sorted = ProgressCalculator.progress(woningen, measurements, day(2022, 5, 1));
            Collections.reverse(measurements);
            KpiProgress reversed = ProgressCalculator.progress(woningen, measurements, day(2022, 5, 1));

            assertThat(reversed).isEqualTo(sorted);
            assertThat(sorted.latest()).isEqualTo(point(2022, 4, 1, 455));
        }
    }
}
