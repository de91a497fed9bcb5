package nl.proeftuin.pilot.utrecht;

import java.util.List;
import nl.proeftuin.api.screen.KpiChart;
import nl.proeftuin.api.screen.KpiTable;
import nl.proeftuin.api.screen.KpiTile;
import nl.proeftuin.api.screen.RegionMap;
import nl.proeftuin.api.screen.Screen;
import nl.proeftuin.api.screen.TextBlock;
import nl.proeftuin.api.screen.WidgetScreen;

/** Utrecht's screen: an overview rendered by the core from widgets. */
final class UtrechtScreens {

    /** Id of the overview screen. */
    static final String OVERZICHT = "overzicht";

    private UtrechtScreens() {
    }

    /**
     * The screens, in navigation order.
     *
     * @return the overview: introduction, tiles, two charts, a table and the map
     */
    static List<Screen> all() {
        return List.of(new WidgetScreen(OVERZICHT, "Overzicht", List.of(
                new TextBlock("Aardgasvrij Overvecht-Noord",
                        "Overvecht-Noord is een van de eerste proeftuinen van het Programma Aardgasvrije Wijken."
                                + " Complex voor complex gaan de flats van het aardgas af en op het warmtenet;"
                                + " eigenaar-bewoners kiezen vaak voor een warmtepomp.\n\n"
                                + "Daarnaast toont deze pilot het tempo van woningverduurzaming: ongeveer 40"
                                + " woningen per dag, tegen ongeveer 1.000 per dag die nodig zijn"
                                + " (Klimaatverbond).\n\n"
                                + "Let op: alle cijfers op dit scherm zijn voorbeelddata, geen echte metingen."),
                new KpiTile(null, UtrechtKpis.AARDGASVRIJE_WONINGEN),
                new KpiTile("Aansluitingen warmtenet", UtrechtKpis.AANSLUITINGEN_WARMTENET),
                new KpiTile(null, UtrechtKpis.WONINGEN_PER_DAG),
                new KpiChart("Overvecht-Noord: aardgasvrij en warmtenet",
                        List.of(UtrechtKpis.AARDGASVRIJE_WONINGEN, UtrechtKpis.AANSLUITINGEN_WARMTENET)),
                new KpiChart("Tempo: woningen verduurzaamd per dag", List.of(UtrechtKpis.WONINGEN_PER_DAG)),
                new KpiTable("Alle indicatoren van Utrecht", List.of(UtrechtKpis.AARDGASVRIJE_WONINGEN,
                        UtrechtKpis.AANSLUITINGEN_WARMTENET, UtrechtKpis.WONINGEN_PER_DAG)),
                new RegionMap("Provincie Utrecht"))));
    }
}
