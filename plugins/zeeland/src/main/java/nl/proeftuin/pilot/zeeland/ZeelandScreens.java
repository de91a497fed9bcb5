package nl.proeftuin.pilot.zeeland;

import java.util.List;
import nl.proeftuin.api.model.Kpi;
import nl.proeftuin.api.screen.KpiChart;
import nl.proeftuin.api.screen.KpiTable;
import nl.proeftuin.api.screen.KpiTile;
import nl.proeftuin.api.screen.RegionMap;
import nl.proeftuin.api.screen.Screen;
import nl.proeftuin.api.screen.TextBlock;
import nl.proeftuin.api.screen.WidgetScreen;

/** Zeeland's screen: an overview rendered by the core from widgets. */
final class ZeelandScreens {

    /** Id of the overview screen. */
    static final String OVERZICHT = "overzicht";

    private ZeelandScreens() {
    }

    /**
     * The screens, in navigation order.
     *
     * @return the overview: introduction, headline tiles, two charts, a table of every KPI and the map
     */
    static List<Screen> all() {
        return List.of(new WidgetScreen(OVERZICHT, "Overzicht", List.of(
                new TextBlock("Proeftuin Zeeland",
                        "Zeeland werkt als proeftuin aan drie opgaven tegelijk: de energietransitie, technisch"
                                + " onderwijs en de leefbaarheid van de kernen. Provincie, gemeenten, scholen,"
                                + " bedrijven en maatschappelijke organisaties sturen samen op de indicatoren"
                                + " hieronder.\n\n"
                                + "Let op: alle cijfers op dit scherm zijn voorbeelddata, geen echte metingen."),
                new KpiTile(null, ZeelandKpis.WONINGEN_GEISOLEERD),
                new KpiTile(null, ZeelandKpis.VERMOGEN_ZON),
                new KpiTile("Techniek in het vmbo", ZeelandKpis.LEERLINGEN_TECHNIEK_VMBO),
                new KpiTile(null, ZeelandKpis.INWONERS_THUIS),
                new KpiChart("Duurzame opwek: wind op land en zon",
                        List.of(ZeelandKpis.VERMOGEN_WIND_OP_LAND, ZeelandKpis.VERMOGEN_ZON)),
                new KpiChart("CO2-uitstoot gebouwde omgeving", List.of(ZeelandKpis.CO2_GEBOUWDE_OMGEVING)),
                new KpiTable("Alle indicatoren van Zeeland",
                        ZeelandKpis.all().stream().map(Kpi::id).toList()),
                new RegionMap("Zeeland"))));
    }
}
