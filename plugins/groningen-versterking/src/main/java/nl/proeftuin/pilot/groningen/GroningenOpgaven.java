package nl.proeftuin.pilot.groningen;

import java.util.List;
import nl.proeftuin.api.model.Opgave;
import nl.proeftuin.api.model.Region;
import nl.proeftuin.api.model.RegionKind;
import nl.proeftuin.api.model.Theme;

/** The province of Groningen and its two opgaven: reinforcing homes, and making them sustainable too. */
final class GroningenOpgaven {

    /** Opgave id: reinforcing homes against earthquakes. */
    static final String VERSTERKING = "groningen-versterking";
    /** Opgave id: making reinforced homes sustainable in the same renovation. */
    static final String VERDUURZAMING = "groningen-verduurzaming";

    /** CBS code of the province of Groningen, used by the national map. */
    static final String CBS_CODE = "PV20";

    private GroningenOpgaven() {
    }

    /**
     * The region, without geometry of its own: the core draws it from its national map by CBS code.
     *
     * @return the province of Groningen
     */
    static Region region() {
        return new Region(GroningenPilot.REGION_ID, "Groningen", RegionKind.PROVINCIE, List.of(CBS_CODE));
    }

    /**
     * The opgaven.
     *
     * @return reinforcement, then sustainability
     */
    static List<Opgave> all() {
        return List.of(
                new Opgave(VERSTERKING, GroningenPilot.REGION_ID, "Versterking van woningen in het aardbevingsgebied",
                        Theme.VERSTERKING,
                        "Door de gaswinning zijn in Groningen veel woningen niet bestand tegen aardbevingen."
                                + " Ongeveer 26.000 woningen moeten worden opgenomen en beoordeeld; ongeveer 1.000"
                                + " zijn al versterkt. Bewoners moeten weten wanneer zij aan de beurt zijn:"
                                + " daarom toont deze pilot de planning per dorp en wijk. De cijfers en de"
                                + " planning in deze pilot zijn voorbeelddata.",
                        "Nationaal Coördinator Groningen (NCG)",
                        List.of("Provincie Groningen", "Gemeente Eemsdelta", "Gemeente Het Hogeland",
                                "Gemeente Midden-Groningen", "Gemeente Groningen", "Gemeente Oldambt",
                                "Ministerie van BZK")),
                new Opgave(VERDUURZAMING, GroningenPilot.REGION_ID, "Versterken en verduurzamen in één keer",
                        Theme.VERDUURZAMING,
                        "Wie de bouwvakkers toch over de vloer krijgt, wil ook isoleren en van het aardgas"
                                + " af. Eigenaren en huurders van versterkte woningen krijgen daarom een aanbod"
                                + " om in dezelfde verbouwing te verduurzamen. De cijfers in deze pilot zijn"
                                + " voorbeelddata.",
                        "Provincie Groningen",
                        List.of("Nationaal Coördinator Groningen (NCG)", "Groninger woningcorporaties",
                                "Nationaal Programma Groningen", "Groninger gemeenten")));
    }
}
