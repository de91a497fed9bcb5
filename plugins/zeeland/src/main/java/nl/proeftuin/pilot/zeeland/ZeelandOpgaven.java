package nl.proeftuin.pilot.zeeland;

import java.util.List;
import nl.proeftuin.api.model.Opgave;
import nl.proeftuin.api.model.Region;
import nl.proeftuin.api.model.RegionKind;
import nl.proeftuin.api.model.Theme;

/** The province of Zeeland and its three opgaven. */
final class ZeelandOpgaven {

    /** Opgave id: energy transition. */
    static final String ENERGIETRANSITIE = "zeeland-energietransitie";
    /** Opgave id: technical education. */
    static final String TECHNISCH_ONDERWIJS = "zeeland-technisch-onderwijs";
    /** Opgave id: liveability of the villages. */
    static final String LEEFBAARHEID = "zeeland-leefbaarheid";

    /** CBS code of the province of Zeeland, used by the national map. */
    static final String CBS_CODE = "PV29";

    private ZeelandOpgaven() {
    }

    /**
     * The region, without geometry of its own: the core draws it from its national map by CBS code.
     *
     * @return the province of Zeeland
     */
    static Region region() {
        return new Region(ZeelandPilot.REGION_ID, "Zeeland", RegionKind.PROVINCIE, List.of(CBS_CODE));
    }

    /**
     * The opgaven, in the order the dashboard lists them.
     *
     * @return energy transition, technical education and liveability
     */
    static List<Opgave> all() {
        return List.of(
                new Opgave(ENERGIETRANSITIE, ZeelandPilot.REGION_ID, "Energietransitie",
                        Theme.ENERGIETRANSITIE,
                        "Zeeland wil in 2050 energieneutraal zijn. In de Regionale Energiestrategie (RES)"
                                + " Zeeland werken de provincie, de dertien Zeeuwse gemeenten, waterschap"
                                + " Scheldestromen en de netbeheerder samen aan duurzame opwek met wind en zon,"
                                + " aan isolatie van woningen en aan minder CO2-uitstoot in de gebouwde"
                                + " omgeving. De cijfers in deze pilot zijn voorbeelddata.",
                        "Provincie Zeeland",
                        List.of("Zeeuwse gemeenten", "Waterschap Scheldestromen", "Stedin",
                                "Zeeuwse Milieufederatie", "Smart Delta Resources")),
                new Opgave(TECHNISCH_ONDERWIJS, ZeelandPilot.REGION_ID, "Technisch onderwijs en vakmanschap",
                        Theme.TECHNISCH_ONDERWIJS,
                        "Zeeuwse bedrijven in de haven, de procesindustrie en de energiesector zoeken"
                                + " technisch geschoolde vakmensen, terwijl het aantal jongeren daalt. Scholen"
                                + " en bedrijven maken techniekonderwijs samen aantrekkelijker: van de"
                                + " techniekprofielen in het vmbo tot leerwerkplekken (BBL) in het mbo. De"
                                + " cijfers in deze pilot zijn voorbeelddata.",
                        "Scalda",
                        List.of("HZ University of Applied Sciences", "Zeeuwse vmbo-scholen", "North Sea Port",
                                "Zeeuwse werkgevers", "FNV", "Provincie Zeeland")),
                new Opgave(LEEFBAARHEID, ZeelandPilot.REGION_ID, "Leefbaarheid in de kernen",
                        Theme.LEEFBAARHEID,
                        "Door vergrijzing en krimp staan voorzieningen in kleine kernen onder druk."
                                + " Gemeenten, provincie en dorpsraden werken aan voorzieningen die bereikbaar"
                                + " blijven en aan kernen waar inwoners zich thuis voelen. De cijfers in deze"
                                + " pilot zijn voorbeelddata.",
                        "Zeeuwse gemeenten",
                        List.of("Provincie Zeeland", "Dorps- en wijkraden", "Zeeuwse woningcorporaties",
                                "ZB | Planbureau en Bibliotheek van Zeeland")));
    }
}
