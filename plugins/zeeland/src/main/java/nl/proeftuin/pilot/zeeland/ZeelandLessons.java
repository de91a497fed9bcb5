package nl.proeftuin.pilot.zeeland;

import java.time.LocalDate;
import java.util.List;
import nl.proeftuin.api.model.Lesson;
import nl.proeftuin.api.model.Theme;

/**
 * What Zeeland learned as a proeftuin (leerpunten), written for other regions. The lessons follow
 * the conclusions of "Maak verschil" (2016) and the proeftuin that followed; the wording is an
 * example.
 */
final class ZeelandLessons {

    private static final String AUTHOR = "Programmateam Proeftuin Zeeland (voorbeeldtekst)";

    private ZeelandLessons() {
    }

    /**
     * The lessons, oldest first.
     *
     * @return four lessons, three tied to an opgave and one about the way of working as a whole
     */
    static List<Lesson> all() {
        return List.of(
                new Lesson("zeeland-onderwijs-en-bedrijfsleven-aan-tafel", ZeelandPilot.REGION_ID,
                        ZeelandOpgaven.TECHNISCH_ONDERWIJS, Theme.TECHNISCH_ONDERWIJS,
                        "Onderwijs en bedrijfsleven aan één tafel",
                        "Het tekort aan technici lossen scholen niet alleen op. Pas toen Zeeuwse werkgevers"
                                + " leerwerkplekken toezegden en docenten van vmbo, mbo en hbo samen één"
                                + " doorlopende leerlijn maakten, kozen meer leerlingen voor techniek.\n\n"
                                + "Maak de afspraken concreet (hoeveel BBL-plekken per bedrijf, welke"
                                + " gastlessen in welk leerjaar) en leg ze vast, zodat ze een wisseling van"
                                + " bestuurders overleven.",
                        AUTHOR, LocalDate.of(2018, 3, 15)),
                new Lesson("zeeland-res-als-gezamenlijk-kompas", ZeelandPilot.REGION_ID,
                        ZeelandOpgaven.ENERGIETRANSITIE, Theme.ENERGIETRANSITIE,
                        "Eén regionale energiestrategie in plaats van dertien plannen",
                        "De Regionale Energiestrategie bracht provincie, dertien gemeenten, waterschap en"
                                + " netbeheerder bij één plan. Zoekgebieden voor wind en zon kozen we samen, zo"
                                + " schoof niemand de lastige keuzes door naar de buren.\n\n"
                                + "Betrek de netbeheerder vanaf het begin: waar het net vol zit, helpt een"
                                + " zonneveld niet. En geef omwonenden een eerlijk deel van de opbrengst, dat"
                                + " maakt het verschil voor draagvlak.",
                        AUTHOR, LocalDate.of(2019, 6, 20)),
                new Lesson("zeeland-eigen-opgaven-eigen-cultuur", ZeelandPilot.REGION_ID, null,
                        Theme.LEEFBAARHEID,
                        "Elke regio heeft eigen opgaven, een eigen cultuur en eigen oplossingen",
                        "Wat in de Randstad werkt, werkt niet vanzelf in Zeeland. Korte lijnen tussen"
                                + " bestuurders, ondernemers en inwoners zijn hier een kracht; een landelijke"
                                + " regeling die daar geen ruimte voor laat, remt juist.\n\n"
                                + "Samenwerken aan een paar opgaven tegelijk levert meer op dan versnipperd"
                                + " werken aan losse projecten: de mensen aan tafel zijn vaak dezelfden.",
                        AUTHOR, LocalDate.of(2018, 11, 1)),
                new Lesson("zeeland-gebruik-elkaars-lessen", ZeelandPilot.REGION_ID, ZeelandOpgaven.LEEFBAARHEID,
                        Theme.LEEFBAARHEID,
                        "Gebruik elkaars lessen in plaats van het wiel opnieuw uit te vinden",
                        "Voor de leefbaarheid van kleine kernen namen we de aanpak met dorpsvisies over van"
                                + " andere krimpregio's in plaats van een eigen methode te bedenken. Dat scheelde"
                                + " een jaar.\n\n"
                                + "Deel daarom ook wat niet werkte: die lessen zijn voor andere regio's vaak het"
                                + " meest waard.",
                        AUTHOR, LocalDate.of(2020, 2, 10)));
    }
}
