package nl.proeftuin.registry.internal;

import static nl.proeftuin.registry.internal.Pilots.chartScreen;
import static nl.proeftuin.registry.internal.Pilots.entry;
import static nl.proeftuin.registry.internal.Pilots.failedEntry;
import static nl.proeftuin.registry.internal.Pilots.kpi;
import static nl.proeftuin.registry.internal.Pilots.lesson;
import static nl.proeftuin.registry.internal.Pilots.measurement;
import static nl.proeftuin.registry.internal.Pilots.opgave;
import static nl.proeftuin.registry.internal.Pilots.pageScreen;
import static nl.proeftuin.registry.internal.Pilots.region;
import static nl.proeftuin.registry.internal.Pilots.tilesScreen;
import static nl.proeftuin.registry.internal.Pilots.validFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import nl.proeftuin.api.model.Kpi;
import nl.proeftuin.api.model.Opgave;
import nl.proeftuin.api.model.Region;
import nl.proeftuin.api.pilot.Contribution;
import nl.proeftuin.api.pilot.Pilot;
import nl.proeftuin.registry.PilotStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CatalogBuilderTest {

    private static Snapshot build(PilotEntry... entries) {
        return CatalogBuilder.build(List.of(entries), 1);
    }

    private static PilotStatus statusOf(Snapshot snapshot, String symbolicName) {
        return snapshot.pilots().stream()
                .filter(status -> status.symbolicName().equals(symbolicName))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no status for " + symbolicName));
    }

    private static List<String> regionIds(Snapshot snapshot) {
        return snapshot.regions().stream().map(Region::id).toList();
    }

    @Nested
    class ValidPilot {

        private final Contribution zeeland = new Pilots.ContributionBuilder(region("zeeland"))
                .opgave(opgave("zeeland-energie", "zeeland"))
                .opgave(opgave("zeeland-onderwijs", "zeeland"))
                .kpi(kpi("woningen-geisoleerd", "zeeland-energie"))
                .kpi(kpi("co2-reductie", "zeeland-energie"))
                .kpi(kpi("techniekstudenten", "zeeland-onderwijs"))
                .screen(tilesScreen("overzicht", "woningen-geisoleerd", "co2-reductie"))
                .screen(pageScreen("kaart"))
                .lesson(lesson("samen-optrekken", "zeeland", "zeeland-energie"))
                .lesson(lesson("regionaal-denken", "zeeland", null))
                .measurement(measurement("woningen-geisoleerd"))
                .exampleData()
                .build();

        private final Snapshot snapshot = CatalogBuilder.build(List.of(entry(7, "nl.zeeland.pilot", zeeland)), 42);

        @Test
        void putsEveryElementOfTheContributionInTheCatalogueInThePilotsOrder() {
            assertThat(snapshot.regions()).containsExactly(zeeland.region());
            assertThat(snapshot.opgaven()).containsExactlyElementsOf(zeeland.opgaven());
            assertThat(snapshot.kpis()).containsExactlyElementsOf(zeeland.kpis());
            assertThat(snapshot.lessons()).containsExactlyElementsOf(zeeland.lessons());
            assertThat(snapshot.screens("zeeland")).containsExactlyElementsOf(zeeland.screens());
        }

        @Test
        void findsEveryElementById() {
            assertThat(snapshot.region("zeeland")).contains(zeeland.region());
            assertThat(snapshot.opgave("zeeland-onderwijs")).contains(zeeland.opgaven().get(1));
            assertThat(snapshot.kpi("co2-reductie")).contains(zeeland.kpis().get(1));
        }

        @Test
        void reportsThePilotAsAcceptedWithItsCounts() {
            assertThat(snapshot.pilots()).containsExactly(new PilotStatus(7, "nl.zeeland.pilot", Pilots.VERSION,
                    "zeeland", true, List.of(), 2, 3, 2, true));
        }

        @Test
        void carriesTheRevisionItWasBuiltWith() {
            assertThat(snapshot.revision()).isEqualTo(42);
        }
    }

    @Nested
    class AllOrNothing {

        /** One contribution with six independent problems, each of a different kind. */
        private final Contribution broken = new Pilots.ContributionBuilder(region("walcheren"))
                .opgave(opgave("walcheren-energie", "walcheren"))
                .opgave(opgave("brabant-wonen", "brabant"))
                .kpi(kpi("woningen-geisoleerd", "walcheren-energie"))
                .kpi(kpi("woningen-geisoleerd", "walcheren-energie"))
                .kpi(kpi("banen", "spook-opgave"))
                .screen(tilesScreen("overzicht", "woningen-geisoleerd", "spook-kpi"))
                .lesson(lesson("walcheren-les", "walcheren", "walcheren-energie"))
                .measurement(measurement("woningen-geisoleerd"))
                .measurement(measurement("onbekend-gemeten"))
                .build();

        private final Snapshot snapshot = build(entry(3, "nl.walcheren.pilot", "zeeland", broken));

        private List<String> problems() {
            return statusOf(snapshot, "nl.walcheren.pilot").problems();
        }

        @Test
        void refusesThePilotAndListsEveryProblemAtOnce() {
            PilotStatus status = statusOf(snapshot, "nl.walcheren.pilot");

            assertThat(status.accepted()).isFalse();
            assertThat(status.problems()).hasSize(6);
        }

        @Test
        void namesTheRegionThatDiffersFromTheManifestHeader() {
            assertThat(problems()).anySatisfy(problem -> assertThat(problem)
                    .contains("\"walcheren\"")
                    .contains(Pilot.REGION_HEADER + ": zeeland"));
        }

        @Test
        void namesTheOpgaveOfAnotherRegionAndTheExpectedRegion() {
            assertThat(problems()).anySatisfy(problem -> assertThat(problem)
                    .contains("Opgave \"brabant-wonen\"")
                    .contains("\"brabant\"")
                    .contains("expected the pilot's region \"walcheren\""));
        }

        @Test
        void namesTheKpiWithAnUnknownOpgaveAndTheOpgavenItCouldReferTo() {
            assertThat(problems()).anySatisfy(problem -> assertThat(problem)
                    .contains("KPI \"banen\"")
                    .contains("opgave \"spook-opgave\"")
                    .contains("expected one of [brabant-wonen, walcheren-energie]"));
        }

        @Test
        void namesTheScreenAndTheUnknownKpiItShows() {
            assertThat(problems()).anySatisfy(problem -> assertThat(problem)
                    .contains("Screen \"overzicht\"")
                    .contains("KPI \"spook-kpi\"")
                    .contains("does not contribute"));
        }

        @Test
        void namesTheDuplicatedKpiId() {
            assertThat(problems()).anySatisfy(problem -> assertThat(problem)
                    .contains("KPI \"woningen-geisoleerd\"")
                    .contains("listed twice")
                    .contains("must be unique"));
        }

        @Test
        void namesTheUnknownKpiOfTheInitialMeasurements() {
            assertThat(problems()).anySatisfy(problem -> assertThat(problem)
                    .contains("Initial measurements")
                    .contains("KPI \"onbekend-gemeten\"")
                    .contains("does not contribute"));
        }

        @Test
        void putsNothingOfTheRefusedContributionInTheCatalogue() {
            assertThat(snapshot.regions()).isEmpty();
            assertThat(snapshot.opgaven()).isEmpty();
            assertThat(snapshot.kpis()).isEmpty();
            assertThat(snapshot.lessons()).isEmpty();
            assertThat(snapshot.region("walcheren")).isEmpty();
            assertThat(snapshot.opgave("walcheren-energie")).isEmpty();
            assertThat(snapshot.kpi("woningen-geisoleerd")).isEmpty();
            assertThat(snapshot.screens("walcheren")).isEmpty();
        }

        @Test
        void reportsNoCountsForTheRefusedPilot() {
            PilotStatus status = statusOf(snapshot, "nl.walcheren.pilot");

            assertThat(List.of(status.opgaven(), status.kpis(), status.screens())).containsOnly(0);
        }

        @Test
        void refusesAChartOfAnUnknownKpiLikeATile() {
            Contribution chart = validFor("zeeland").screen(chartScreen("verloop", "zeeland-woningen-geisoleerd",
                    "spook-kpi")).build();

            PilotStatus status = statusOf(build(entry(1, "nl.zeeland.pilot", chart)), "nl.zeeland.pilot");

            assertThat(status.accepted()).isFalse();
            assertThat(status.problems()).singleElement().asString()
                    .contains("Screen \"verloop\"").contains("KPI \"spook-kpi\"");
        }
    }

    @Nested
    class BundleProblems {

        @Test
        void refusesAPilotWithoutRegionHeaderAndNamesTheHeader() {
            Snapshot snapshot = build(entry(4, "nl.zeeland.pilot", null, validFor("zeeland").build()));

            PilotStatus status = statusOf(snapshot, "nl.zeeland.pilot");
            assertThat(status.accepted()).isFalse();
            assertThat(status.declaredRegion()).isNull();
            assertThat(status.problems()).singleElement().asString().contains(Pilot.REGION_HEADER);
            assertThat(snapshot.regions()).isEmpty();
        }

        @Test
        void treatsABlankRegionHeaderAsMissing() {
            Snapshot snapshot = build(entry(4, "nl.zeeland.pilot", "  ", validFor("zeeland").build()));

            assertThat(statusOf(snapshot, "nl.zeeland.pilot").problems())
                    .singleElement().asString().contains(Pilot.REGION_HEADER);
        }

        @Test
        void refusesAPilotWhoseContributionFailedWithTheFailureText() {
            String failure = "Pilot.contribution() failed: Kpi.id: \"Homes\" is not a slug";

            Snapshot snapshot = build(failedEntry(5, "nl.zeeland.pilot", "zeeland", failure));

            PilotStatus status = statusOf(snapshot, "nl.zeeland.pilot");
            assertThat(status.accepted()).isFalse();
            assertThat(status.problems()).containsExactly(failure);
            assertThat(snapshot.regions()).isEmpty();
        }
    }

    @Nested
    class FirstHolderKeepsAnId {

        private final PilotEntry holder = entry(5, "nl.zeeland.pilot", validFor("zeeland").build());
        private final PilotEntry copycat = entry(9, "nl.zeeland.kopie", validFor("zeeland").build());

        @Test
        void acceptsTheLowerBundleIdForARegionWhateverTheOrderPassedIn() {
            for (List<PilotEntry> entries : List.of(List.of(holder, copycat), List.of(copycat, holder))) {
                Snapshot snapshot = CatalogBuilder.build(entries, 1);

                assertThat(statusOf(snapshot, "nl.zeeland.pilot").accepted()).isTrue();
                assertThat(statusOf(snapshot, "nl.zeeland.kopie").accepted()).isFalse();
                assertThat(snapshot.regions()).hasSize(1);
            }
        }

        @Test
        void refusesTheLaterClaimantWithTheHoldersName() {
            Snapshot snapshot = build(copycat, holder);

            assertThat(statusOf(snapshot, "nl.zeeland.kopie").problems()).anySatisfy(problem -> assertThat(problem)
                    .contains("Region id \"zeeland\"")
                    .contains("nl.zeeland.pilot")
                    .contains("bundle 5"));
        }

        @Test
        void refusesAKpiIdHeldByAnEarlierPilotOfAnotherRegion() {
            Contribution brabant = new Pilots.ContributionBuilder(region("brabant"))
                    .opgave(opgave("brabant-energie", "brabant"))
                    .kpi(kpi("zeeland-woningen-geisoleerd", "brabant-energie"))
                    .build();
            PilotEntry later = entry(2, "nl.brabant.pilot", brabant);
            PilotEntry earlier = entry(1, "nl.zeeland.pilot", validFor("zeeland").build());

            Snapshot snapshot = build(later, earlier);

            PilotStatus refused = statusOf(snapshot, "nl.brabant.pilot");
            assertThat(refused.accepted()).isFalse();
            assertThat(refused.problems()).singleElement().asString()
                    .contains("KPI id \"zeeland-woningen-geisoleerd\"")
                    .contains("nl.zeeland.pilot");
            assertThat(snapshot.kpi("zeeland-woningen-geisoleerd")).map(Kpi::opgaveId).contains("zeeland-energie");
            assertThat(snapshot.region("brabant")).isEmpty();
        }

        @Test
        void acceptsTheRefusedPilotOnceTheHolderIsGone() {
            assertThat(statusOf(build(holder, copycat), "nl.zeeland.kopie").accepted()).isFalse();

            Snapshot healed = build(copycat);

            assertThat(statusOf(healed, "nl.zeeland.kopie").accepted()).isTrue();
            assertThat(healed.region("zeeland")).isPresent();
        }

        @Test
        void doesNotLetARefusedPilotHoldIds() {
            PilotEntry refusedFirst = entry(1, "nl.zeeland.kapot", "brabant", validFor("zeeland").build());

            Snapshot snapshot = build(refusedFirst, copycat);

            assertThat(statusOf(snapshot, "nl.zeeland.kapot").accepted()).isFalse();
            assertThat(statusOf(snapshot, "nl.zeeland.kopie").accepted()).isTrue();
        }
    }

    @Nested
    class SeveralPilots {

        @Test
        void aRefusedPilotDoesNotBlockTheOthers() {
            PilotEntry a = entry(1, "nl.zeeland.pilot", validFor("zeeland").build());
            PilotEntry b = entry(2, "nl.brabant.pilot", "limburg", validFor("brabant").build());
            PilotEntry c = entry(3, "nl.groningen.pilot", validFor("groningen").build());

            Snapshot snapshot = build(a, b, c);

            assertThat(snapshot.pilots()).extracting(PilotStatus::symbolicName, PilotStatus::accepted)
                    .containsExactly(
                            tuple("nl.zeeland.pilot", true),
                            tuple("nl.brabant.pilot", false),
                            tuple("nl.groningen.pilot", true));
            assertThat(regionIds(snapshot)).containsExactly("zeeland", "groningen");
            assertThat(snapshot.opgaven()).extracting(Opgave::id)
                    .containsExactly("zeeland-energie", "groningen-energie");
            assertThat(snapshot.screens("zeeland")).isNotEmpty();
            assertThat(snapshot.screens("groningen")).isNotEmpty();
            assertThat(snapshot.screens("brabant")).isEmpty();
        }

        @Test
        void listsPilotsAndTheirElementsInInstallationOrder() {
            PilotEntry first = entry(1, "nl.zeeland.pilot", validFor("zeeland").build());
            PilotEntry second = entry(2, "nl.groningen.pilot", validFor("groningen").build());
            PilotEntry third = entry(3, "nl.brabant.pilot", validFor("brabant").build());

            Snapshot snapshot = build(third, first, second);

            assertThat(snapshot.pilots()).extracting(PilotStatus::bundleId).containsExactly(1L, 2L, 3L);
            assertThat(regionIds(snapshot)).containsExactly("zeeland", "groningen", "brabant");
            assertThat(snapshot.kpis()).extracting(Kpi::id).containsExactly("zeeland-woningen-geisoleerd",
                    "groningen-woningen-geisoleerd", "brabant-woningen-geisoleerd");
        }

        @Test
        void anEmptyRegistryGivesAnEmptyCatalogue() {
            Snapshot snapshot = CatalogBuilder.build(List.of(), 3);

            assertThat(snapshot.pilots()).isEmpty();
            assertThat(snapshot.regions()).isEmpty();
            assertThat(snapshot.revision()).isEqualTo(3);
        }
    }
}
