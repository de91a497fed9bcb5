package nl.proeftuin.pilot.utrecht;

import java.time.LocalDate;
import java.util.List;
import nl.proeftuin.api.model.Lesson;
import nl.proeftuin.api.model.Theme;

/**
 * What the Utrecht pilot learned (leerpunten), in the spirit of the Programma Aardgasvrije Wijken:
 * the neighbourhood approach and residents' participation. The wording is an example.
 */
final class UtrechtLessons {

    private static final String AUTHOR = "Wijkteam Overvecht-Noord aardgasvrij (voorbeeldtekst)";

    private UtrechtLessons() {
    }

    /**
     * The lessons, oldest first.
     *
     * @return four lessons, each tied to an opgave
     */
    static List<Lesson> all() {
        return List.of(
                new Lesson("utrecht-wijkaanpak-complex-voor-complex", UtrechtPilot.REGION_ID,
                        UtrechtOpgaven.OVERVECHT_NOORD, Theme.ENERGIETRANSITIE,
                        "Wijkaanpak: complex voor complex, met de corporaties voorop",
                        "De corporatieflats gaven de wijk tempo: één besluit van een corporatie brengt honderd"
                                + " woningen tegelijk van het gas af. Maar een wijkaanpak is meer dan de flats."
                                + " Eigenaar-bewoners en kleine VvE's hebben een eigen aanbod en eigen begeleiding"
                                + " nodig, anders blijven ze achter met een dure gasaansluiting.",
                        AUTHOR, LocalDate.of(2020, 3, 1)),
                new Lesson("utrecht-bewonersparticipatie-eerst-luisteren", UtrechtPilot.REGION_ID,
                        UtrechtOpgaven.OVERVECHT_NOORD, Theme.ENERGIETRANSITIE,
                        "Bewonersparticipatie: eerst luisteren, dan plannen",
                        "Bewonersavonden met een kant-en-klaar plan liepen uit op wantrouwen. Keukentafelgesprekken"
                                + " in de eigen taal van bewoners, met sleutelfiguren uit de wijk, werkten beter:"
                                + " eerst horen wat mensen zorgen baart (de woonlasten, de overlast, koken zonder"
                                + " gas), dan pas het plan.\n\n"
                                + "Een renovatie bij huurders vraagt instemming van 70% van het complex; die haal je"
                                + " alleen met vertrouwen.",
                        AUTHOR, LocalDate.of(2020, 11, 15)),
                new Lesson("utrecht-aardgasvrij-moet-betaalbaar-zijn", UtrechtPilot.REGION_ID,
                        UtrechtOpgaven.OVERVECHT_NOORD, Theme.WONEN,
                        "Aardgasvrij moet betaalbaar zijn",
                        "Bewoners stemmen in als hun woonlasten niet stijgen. Maak de rekensom per woningtype"
                                + " vooraf zichtbaar (huur, warmtetarief, energierekening) en spreek af wat er"
                                + " gebeurt als de tarieven veranderen.",
                        AUTHOR, LocalDate.of(2021, 6, 1)),
                new Lesson("utrecht-van-40-naar-1000-per-dag", UtrechtPilot.REGION_ID,
                        UtrechtOpgaven.TEMPO_VERDUURZAMING, Theme.VERDUURZAMING,
                        "Van 40 naar 1.000 woningen per dag vraagt een andere aanpak",
                        "Met maatwerk per woning haalt Nederland het benodigde tempo nooit. Werk wijk voor wijk"
                                + " met vaste pakketten per woningtype, bundel de inkoop en plan met de"
                                + " netbeheerder mee, zodat vakmensen en materiaal er zijn als de wijk klaar is"
                                + " om te beginnen.",
                        AUTHOR, LocalDate.of(2023, 2, 20)));
    }
}
