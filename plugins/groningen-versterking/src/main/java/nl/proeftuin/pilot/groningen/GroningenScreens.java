package nl.proeftuin.pilot.groningen;

import java.util.List;
import nl.proeftuin.api.screen.KpiChart;
import nl.proeftuin.api.screen.KpiTable;
import nl.proeftuin.api.screen.KpiTile;
import nl.proeftuin.api.screen.PageScreen;
import nl.proeftuin.api.screen.RegionMap;
import nl.proeftuin.api.screen.Screen;
import nl.proeftuin.api.screen.TextBlock;
import nl.proeftuin.api.screen.WidgetScreen;

/**
 * Groningen's screens: the progress, rendered by the core from widgets, and the page "Wanneer ben ik
 * aan de beurt?", served from the bundle's own resources under {@value #WEB_ROOT}.
 */
final class GroningenScreens {

    /** Id of the progress screen. */
    static final String VOORTGANG = "voortgang";
    /** Id of the bundle's own page with the planning per area. */
    static final String WANNEER_AAN_DE_BEURT = "wanneer-ben-ik-aan-de-beurt";
    /** The folder in the bundle whose files the core serves (src/main/resources/web). */
    static final String WEB_ROOT = "/web";
    /** The page's start file, relative to {@link #WEB_ROOT}. */
    static final String ENTRY = "index.html";

    private GroningenScreens() {
    }

    /**
     * The screens, in navigation order.
     *
     * @return the progress overview, then the planning page
     */
    static List<Screen> all() {
        return List.of(
                new WidgetScreen(VOORTGANG, "Voortgang versterking", List.of(
                        new TextBlock("Versterking in Groningen",
                                "Ongeveer 26.000 woningen in het aardbevingsgebied moeten worden opgenomen en"
                                        + " beoordeeld; ongeveer 1.000 zijn al versterkt. Het aantal beoordeelde"
                                        + " woningen komt maandelijks binnen via de datafeed van deze pilot.\n\n"
                                        + "Let op: alle cijfers op dit scherm zijn voorbeelddata, geen echte"
                                        + " metingen."),
                        new KpiTile(null, GroningenKpis.WONINGEN_BEOORDEELD),
                        new KpiTile(null, GroningenKpis.WONINGEN_VERSTERKT),
                        new KpiTile(null, GroningenKpis.DOORLOOPTIJD),
                        new KpiTile("Versterkt en verduurzaamd", GroningenKpis.VERSTERKT_EN_VERDUURZAAMD),
                        new KpiChart("Beoordeeld en versterkt",
                                List.of(GroningenKpis.WONINGEN_BEOORDEELD, GroningenKpis.WONINGEN_VERSTERKT)),
                        new KpiTable("Alle indicatoren van Groningen",
                                List.of(GroningenKpis.WONINGEN_BEOORDEELD, GroningenKpis.WONINGEN_VERSTERKT,
                                        GroningenKpis.DOORLOOPTIJD, GroningenKpis.VERSTERKT_EN_VERDUURZAAMD)),
                        new RegionMap("Groningen"))),
                new PageScreen(WANNEER_AAN_DE_BEURT, "Wanneer ben ik aan de beurt?", WEB_ROOT, ENTRY));
    }
}
