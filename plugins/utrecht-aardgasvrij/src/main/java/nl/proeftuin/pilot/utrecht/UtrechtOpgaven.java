package nl.proeftuin.pilot.utrecht;

import java.util.List;
import nl.proeftuin.api.model.Opgave;
import nl.proeftuin.api.model.Region;
import nl.proeftuin.api.model.RegionKind;
import nl.proeftuin.api.model.Theme;

/** The province of Utrecht and its two opgaven: the aardgasvrije wijk and the pace of verduurzaming. */
final class UtrechtOpgaven {

    /** Opgave id: Overvecht-Noord off natural gas. */
    static final String OVERVECHT_NOORD = "utrecht-overvecht-noord-aardgasvrij";
    /** Opgave id: the pace at which homes are made sustainable. */
    static final String TEMPO_VERDUURZAMING = "utrecht-tempo-verduurzaming";

    /** CBS code of the province of Utrecht, used by the national map. */
    static final String CBS_CODE = "PV26";

    private UtrechtOpgaven() {
    }

    /**
     * The region, without geometry of its own: the core draws it from its national map by CBS code.
     *
     * @return the province of Utrecht
     */
    static Region region() {
        return new Region(UtrechtPilot.REGION_ID, "Utrecht", RegionKind.PROVINCIE, List.of(CBS_CODE));
    }

    /**
     * The opgaven.
     *
     * @return the aardgasvrije wijk, then the pace of verduurzaming
     */
    static List<Opgave> all() {
        return List.of(
                new Opgave(OVERVECHT_NOORD, UtrechtPilot.REGION_ID, "Aardgasvrij Overvecht-Noord",
                        Theme.ENERGIETRANSITIE,
                        "Overvecht-Noord in de stad Utrecht is sinds 2018 proeftuin van het Programma"
                                + " Aardgasvrije Wijken. De ongeveer 4.000 woningen, vooral flats van"
                                + " woningcorporaties, gaan van het aardgas af; de meeste worden aangesloten op"
                                + " het warmtenet. Bewoners praten mee over het tempo en de aanpak per complex."
                                + " De cijfers in deze pilot zijn voorbeelddata.",
                        "Gemeente Utrecht",
                        List.of("Bo-Ex", "Mitros", "Portaal", "Eneco", "Stedin",
                                "Bewonersorganisaties Overvecht-Noord", "Provincie Utrecht")),
                new Opgave(TEMPO_VERDUURZAMING, UtrechtPilot.REGION_ID, "Tempo van woningverduurzaming",
                        Theme.VERDUURZAMING,
                        "Landelijk zouden ongeveer 1.000 woningen per dag verduurzaamd moeten worden, terwijl"
                                + " het tempo rond de 40 per dag ligt (Klimaatverbond). Deze voorbeeldpilot"
                                + " draagt die landelijke cijfers bij aan de standaardindicator"
                                + " woningen-verduurzaamd-per-dag, zodat de landelijke optelling het gat laat"
                                + " zien; een echte regio vult hier haar eigen aandeel in. De cijfers zijn"
                                + " voorbeelddata.",
                        "Provincie Utrecht",
                        List.of("Utrechtse gemeenten", "Regionaal Energieloket", "Woningcorporaties",
                                "Klimaatverbond Nederland")));
    }
}
