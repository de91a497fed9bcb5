package nl.proeftuin.registry.internal;

import static nl.proeftuin.registry.internal.Pilots.entry;
import static nl.proeftuin.registry.internal.Pilots.failedEntry;
import static nl.proeftuin.registry.internal.Pilots.lesson;
import static nl.proeftuin.registry.internal.Pilots.measurement;
import static nl.proeftuin.registry.internal.Pilots.opgave;
import static nl.proeftuin.registry.internal.Pilots.pageScreen;
import static nl.proeftuin.registry.internal.Pilots.validFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.proeftuin.api.pilot.Contribution;
import nl.proeftuin.api.pilot.Pilot;
import org.junit.jupiter.api.Test;

class ContributionValidatorTest {

    private static List<String> problemsOf(Contribution contribution) {
        return ContributionValidator.validate(entry(1, "nl.zeeland.pilot", contribution),
                new ContributionValidator.Claims());
    }

    @Test
    void findsNoProblemInAValidContribution() {
        assertThat(problemsOf(validFor("zeeland").build())).isEmpty();
    }

    @Test
    void acceptsAManifestHeaderWithSurroundingWhitespace() {
        PilotEntry padded = entry(1, "nl.zeeland.pilot", " zeeland ", validFor("zeeland").build());

        assertThat(ContributionValidator.validate(padded, new ContributionValidator.Claims())).isEmpty();
    }

    @Test
    void namesALessonOfAnotherRegion() {
        List<String> problems = problemsOf(validFor("zeeland").lesson(lesson("brabantse-les", "brabant", null))
                .build());

        assertThat(problems).singleElement().asString()
                .contains("Lesson \"brabantse-les\"")
                .contains("expected the pilot's region \"zeeland\"");
    }

    @Test
    void namesALessonThatRefersToAnUnknownOpgave() {
        List<String> problems = problemsOf(validFor("zeeland")
                .lesson(lesson("losse-les", "zeeland", "spook-opgave")).build());

        assertThat(problems).singleElement().asString()
                .contains("Lesson \"losse-les\"")
                .contains("opgave \"spook-opgave\"");
    }

    @Test
    void namesDuplicatedOpgaveScreenAndLessonIds() {
        List<String> problems = problemsOf(validFor("zeeland")
                .opgave(opgave("zeeland-energie", "zeeland"))
                .screen(pageScreen("overzicht"))
                .lesson(lesson("zeeland-samenwerken", "zeeland", null))
                .build());

        assertThat(problems).containsExactlyInAnyOrder(
                "Opgave \"zeeland-energie\" is listed twice; ids must be unique.",
                "Screen \"overzicht\" is listed twice; ids must be unique within a pilot.",
                "Lesson \"zeeland-samenwerken\" is listed twice; ids must be unique.");
    }

    @Test
    void reportsAnUnknownMeasuredKpiOnceHoweverManyMeasurementsReferToIt() {
        List<String> problems = problemsOf(validFor("zeeland")
                .measurement(measurement("onbekend"))
                .measurement(measurement("onbekend"))
                .build());

        assertThat(problems).singleElement().asString().contains("KPI \"onbekend\"");
    }

    @Test
    void listsBothTheFailureAndTheMissingRegionHeader() {
        List<String> problems = ContributionValidator.validate(
                failedEntry(1, "nl.zeeland.pilot", null, "Pilot.contribution() returned null; expected a Contribution."),
                new ContributionValidator.Claims());

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).isEqualTo("Pilot.contribution() returned null; expected a Contribution.");
        assertThat(problems.get(1)).contains(Pilot.REGION_HEADER);
    }

    @Test
    void namesEveryIdAlreadyClaimedByAnAcceptedPilot() {
        PilotEntry holder = entry(1, "nl.zeeland.pilot", validFor("zeeland").build());
        ContributionValidator.Claims claims = new ContributionValidator.Claims();
        claims.claimAll(holder);
        PilotEntry copy = entry(2, "nl.zeeland.kopie", validFor("zeeland").build());

        List<String> problems = ContributionValidator.validate(copy, claims);

        assertThat(problems).hasSize(4).allSatisfy(problem -> assertThat(problem)
                .contains("is already taken by nl.zeeland.pilot " + Pilots.VERSION + " (bundle 1)"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("Region id \"zeeland\""))
                .anySatisfy(p -> assertThat(p).startsWith("Opgave id \"zeeland-energie\""))
                .anySatisfy(p -> assertThat(p).startsWith("KPI id \"zeeland-woningen-geisoleerd\""))
                .anySatisfy(p -> assertThat(p).startsWith("Lesson id \"zeeland-samenwerken\""));
    }
}
