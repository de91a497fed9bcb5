package nl.proeftuin.pilot.zeeland;

import java.time.LocalDate;
import java.util.List;
import nl.proeftuin.api.model.DataPoint;
import nl.proeftuin.api.model.Direction;
import nl.proeftuin.api.model.Kpi;
import nl.proeftuin.api.model.KpiMetadata;
import nl.proeftuin.api.model.RollUp;

/**
 * The KPIs Zeeland steers on, two or more per opgave. Baselines are dated 1 January 2021, when the
 * series of initial measurements starts; targets follow the regional plans (example figures).
 */
final class ZeelandKpis {

    /** Homes insulated since 2021, cumulative. */
    static final String WONINGEN_GEISOLEERD = "zeeland-woningen-geisoleerd";
    /** Installed capacity of onshore wind. */
    static final String VERMOGEN_WIND_OP_LAND = "zeeland-vermogen-wind-op-land";
    /** Installed capacity of solar power. */
    static final String VERMOGEN_ZON = "zeeland-vermogen-zon";
    /** CO2 emissions of the built environment, rolling annual total. */
    static final String CO2_GEBOUWDE_OMGEVING = "zeeland-co2-gebouwde-omgeving";
    /** Pupils in the technical profiles of vmbo. */
    static final String LEERLINGEN_TECHNIEK_VMBO = "zeeland-leerlingen-techniek-vmbo";
    /** Work-based learning places (BBL) in technology. */
    static final String BBL_PLEKKEN_TECHNIEK = "zeeland-bbl-plekken-techniek";
    /** Share of inhabitants with the basic facilities within 5 km. */
    static final String VOORZIENINGEN_BINNEN_5_KM = "zeeland-voorzieningen-binnen-5-km";
    /** Share of inhabitants who feel at home where they live. */
    static final String INWONERS_THUIS = "zeeland-inwoners-voelen-zich-thuis";

    /** The start of every trajectory. */
    static final LocalDate BASELINE_DATE = LocalDate.of(2021, 1, 1);

    /** Appended to every method: these are not real figures. */
    private static final String ILLUSTRATIVE = " Illustratief: de waarden in deze pilot zijn voorbeelddata,"
            + " geen echte metingen.";

    private ZeelandKpis() {
    }

    /**
     * All KPIs: four for the energy transition, two for technical education, two for liveability.
     *
     * @return the KPIs, grouped by opgave
     */
    static List<Kpi> all() {
        return List.of(
                new Kpi(WONINGEN_GEISOLEERD, ZeelandOpgaven.ENERGIETRANSITIE, "Woningen geïsoleerd", "woningen",
                        Direction.HIGHER_IS_BETTER, baseline(0),
                        List.of(point(2025, 12, 31, 15_000), point(2030, 12, 31, 40_000)),
                        RollUp.SUM, "woningen-geisoleerd",
                        new KpiMetadata("Aantal woningen in Zeeland dat sinds 1 januari 2021 ten minste één"
                                + " isolatiemaatregel kreeg (dak, gevel, vloer of glas), cumulatief.",
                                "RVO (ISDE- en SEEH-registraties) en Klimaatmonitor",
                                "Optelling per kwartaal van geregistreerde maatregelen, ontdubbeld per adres."
                                        + ILLUSTRATIVE)),
                new Kpi(VERMOGEN_WIND_OP_LAND, ZeelandOpgaven.ENERGIETRANSITIE, "Opgesteld vermogen wind op land",
                        "MW", Direction.HIGHER_IS_BETTER, baseline(560),
                        List.of(point(2025, 12, 31, 650), point(2030, 12, 31, 800)),
                        RollUp.SUM, "vermogen-wind-op-land",
                        new KpiMetadata("Totaal opgesteld vermogen van windturbines op land in Zeeland, op de"
                                + " laatste dag van het kwartaal.",
                                "Klimaatmonitor (RVO) en RES Zeeland",
                                "Stand van de in bedrijf genomen turbines volgens de netaansluitingen."
                                        + ILLUSTRATIVE)),
                new Kpi(VERMOGEN_ZON, ZeelandOpgaven.ENERGIETRANSITIE, "Opgesteld vermogen zon", "MW",
                        Direction.HIGHER_IS_BETTER, baseline(520),
                        List.of(point(2025, 12, 31, 900), point(2030, 12, 31, 1_300)),
                        RollUp.SUM, "vermogen-zon",
                        new KpiMetadata("Totaal opgesteld vermogen van zonnepanelen (op daken en in velden) in"
                                + " Zeeland, op de laatste dag van het kwartaal.",
                                "Klimaatmonitor (RVO), CBS en netbeheerder Stedin",
                                "Som van de aangemelde installaties; kleine dakinstallaties geschat uit"
                                        + " aanmeldingen." + ILLUSTRATIVE)),
                new Kpi(CO2_GEBOUWDE_OMGEVING, ZeelandOpgaven.ENERGIETRANSITIE, "CO2-uitstoot gebouwde omgeving",
                        "kton CO2", Direction.LOWER_IS_BETTER, baseline(520),
                        List.of(point(2025, 12, 31, 420), point(2030, 12, 31, 230)),
                        RollUp.SUM, "co2-gebouwde-omgeving",
                        new KpiMetadata("CO2-uitstoot van woningen en utiliteitsgebouwen in Zeeland over de"
                                + " laatste vier kwartalen (voortschrijdend jaartotaal). Het doel voor 2030"
                                + " volgt de landelijke lijn van 67% minder uitstoot in de gebouwde omgeving.",
                                "Klimaatmonitor en Emissieregistratie",
                                "Aardgas- en elektriciteitsverbruik maal emissiefactoren, temperatuurgecorrigeerd."
                                        + ILLUSTRATIVE)),
                new Kpi(LEERLINGEN_TECHNIEK_VMBO, ZeelandOpgaven.TECHNISCH_ONDERWIJS,
                        "Leerlingen in techniekprofielen vmbo", "leerlingen", Direction.HIGHER_IS_BETTER,
                        baseline(1_150),
                        List.of(point(2025, 10, 1, 1_300), point(2030, 10, 1, 1_500)),
                        RollUp.SUM, null,
                        new KpiMetadata("Aantal leerlingen in de bovenbouw van het vmbo in Zeeland in de"
                                + " profielen Bouwen, wonen en interieur; Produceren, installeren en energie;"
                                + " Mobiliteit en transport en Maritiem en techniek.",
                                "DUO (open onderwijsdata), teldatum 1 oktober",
                                "Telling per schooljaar; tussen twee teldata blijft de stand gelijk."
                                        + ILLUSTRATIVE)),
                new Kpi(BBL_PLEKKEN_TECHNIEK, ZeelandOpgaven.TECHNISCH_ONDERWIJS, "BBL-plekken in techniek",
                        "plekken", Direction.HIGHER_IS_BETTER, baseline(880),
                        List.of(point(2025, 12, 31, 1_150), point(2030, 12, 31, 1_500)),
                        RollUp.SUM, null,
                        new KpiMetadata("Aantal bezette leerwerkplekken in de beroepsbegeleidende leerweg (BBL)"
                                + " in technische opleidingen bij Zeeuwse leerbedrijven.",
                                "SBB (Samenwerkingsorganisatie Beroepsonderwijs Bedrijfsleven) en Scalda",
                                "Stand van de lopende BBL-contracten op de laatste dag van het kwartaal."
                                        + ILLUSTRATIVE)),
                new Kpi(VOORZIENINGEN_BINNEN_5_KM, ZeelandOpgaven.LEEFBAARHEID,
                        "Inwoners met basisvoorzieningen binnen 5 km", "%", Direction.HIGHER_IS_BETTER,
                        baseline(86.0),
                        List.of(point(2030, 12, 31, 88.0)),
                        RollUp.AVERAGE, null,
                        new KpiMetadata("Aandeel inwoners met een huisartsenpraktijk, een basisschool en een"
                                + " supermarkt binnen 5 km over de weg.",
                                "CBS (Nabijheid voorzieningen)",
                                "Afstanden over de weg per adres, gewogen naar inwoners." + ILLUSTRATIVE)),
                new Kpi(INWONERS_THUIS, ZeelandOpgaven.LEEFBAARHEID, "Inwoners die zich thuis voelen", "%",
                        Direction.HIGHER_IS_BETTER, baseline(78.0),
                        List.of(point(2025, 12, 31, 80.0), point(2030, 12, 31, 82.0)),
                        RollUp.AVERAGE, null,
                        new KpiMetadata("Aandeel inwoners dat het (helemaal) eens is met de stelling \"Ik voel"
                                + " me thuis in mijn woonplaats\".",
                                "Zeeuws Burgerpanel (ZB | Planbureau en Bibliotheek van Zeeland)",
                                "Peiling onder het burgerpanel, gewogen naar leeftijd en gemeente."
                                        + ILLUSTRATIVE)));
    }

    private static DataPoint baseline(double value) {
        return new DataPoint(BASELINE_DATE, value);
    }

    private static DataPoint point(int year, int month, int day, double value) {
        return new DataPoint(LocalDate.of(year, month, day), value);
    }
}
