package nl.proeftuin.pilot.groningen;

import java.time.LocalDate;
import java.util.List;
import nl.proeftuin.api.model.Lesson;
import nl.proeftuin.api.model.Theme;

/** What the Groningen pilot learned (leerpunten), written for other regions; the wording is an example. */
final class GroningenLessons {

    private static final String AUTHOR = "Programmateam versterking Groningen (voorbeeldtekst)";

    private GroningenLessons() {
    }

    /**
     * The lessons, oldest first.
     *
     * @return three lessons, each tied to an opgave
     */
    static List<Lesson> all() {
        return List.of(
                new Lesson("groningen-bewoners-moeten-weten-wanneer", GroningenPilot.REGION_ID,
                        GroningenOpgaven.VERSTERKING, Theme.VERSTERKING,
                        "Mensen moeten weten wanneer ze aan de beurt zijn",
                        "Onzekerheid weegt voor bewoners zwaarder dan wachten. Sinds we per dorp en wijk"
                                + " publiceren wanneer de opname, het besluit en de uitvoering gepland zijn,"
                                + " krijgen we minder vragen en meer begrip, ook als een planning schuift.\n\n"
                                + "Meld een verschuiving zelf en op tijd, met de reden erbij.",
                        AUTHOR, LocalDate.of(2020, 9, 1)),
                new Lesson("groningen-een-aanspreekpunt-per-huishouden", GroningenPilot.REGION_ID,
                        GroningenOpgaven.VERSTERKING, Theme.VERSTERKING,
                        "Eén vast aanspreekpunt per huishouden",
                        "Bewoners raakten verdwaald tussen instanties: wie gaat over schade, wie over"
                                + " versterking, wie over de tijdelijke woning? Een vaste bewonersbegeleider die"
                                + " het hele traject bij hetzelfde huishouden blijft, haalt die drempel weg.",
                        AUTHOR, LocalDate.of(2021, 4, 12)),
                new Lesson("groningen-versterken-en-verduurzamen-samen", GroningenPilot.REGION_ID,
                        GroningenOpgaven.VERDUURZAMING, Theme.VERDUURZAMING,
                        "Versterk en verduurzaam in dezelfde verbouwing",
                        "Twee keer verbouwen is voor bewoners twee keer overlast. Door het aanbod voor"
                                + " isolatie en een warmtepomp al in het versterkingsadvies op te nemen, kiest een"
                                + " groeiend deel van de eigenaren voor beide tegelijk.\n\n"
                                + "Voorwaarde is dat de financiering van beide trajecten op elkaar aansluit; regel"
                                + " dat vooraf met de betrokken regelingen.",
                        AUTHOR, LocalDate.of(2022, 5, 30)));
    }
}
