package nl.proeftuin.pilot.utrecht;

import java.time.LocalDate;
import java.util.List;
import nl.proeftuin.api.model.DataPoint;
import nl.proeftuin.api.model.Direction;
import nl.proeftuin.api.model.Kpi;
import nl.proeftuin.api.model.KpiMetadata;
import nl.proeftuin.api.model.RollUp;

/** The KPIs of the Utrecht pilot: two for Overvecht-Noord, one for the pace of verduurzaming. */
final class UtrechtKpis {

    /** Homes in Overvecht-Noord off natural gas, cumulative. */
    static final String AARDGASVRIJE_WONINGEN = "utrecht-overvecht-noord-aardgasvrije-woningen";
    /** New connections to the district heating network in Overvecht-Noord, cumulative. */
    static final String AANSLUITINGEN_WARMTENET = "utrecht-overvecht-noord-aansluitingen-warmtenet";
    /** Homes made sustainable per day; carries the standard code {@link #PER_DAG_CODE}. */
    static final String WONINGEN_PER_DAG = "utrecht-woningen-verduurzaamd-per-dag";

    /** The standard indicator code shared across regions for the pace of verduurzaming. */
    static final String PER_DAG_CODE = "woningen-verduurzaamd-per-dag";
    /** The unit every KPI with {@link #PER_DAG_CODE} uses, so that they add up. */
    static final String PER_DAG_UNIT = "woningen per dag";
    /** The pace the country needs, homes a day (Klimaatverbond). */
    static final double NATIONAL_NEED_PER_DAY = 1_000;
    /** The pace measured at the start, homes a day (Klimaatverbond). */
    static final double NATIONAL_PACE_PER_DAY = 40;

    /** Appended to every method: these are not real figures. */
    private static final String ILLUSTRATIVE = " Illustratief: de waarden in deze pilot zijn voorbeelddata,"
            + " geen echte metingen.";

    private UtrechtKpis() {
    }

    /**
     * All KPIs.
     *
     * @return the KPIs of Overvecht-Noord, then the pace per day
     */
    static List<Kpi> all() {
        return List.of(
                new Kpi(AARDGASVRIJE_WONINGEN, UtrechtOpgaven.OVERVECHT_NOORD, "Aardgasvrije woningen in Overvecht-Noord",
                        "woningen", Direction.HIGHER_IS_BETTER, point(2018, 10, 1, 0),
                        List.of(point(2022, 12, 31, 1_000), point(2030, 12, 31, 4_000)),
                        RollUp.SUM, "woningen-aardgasvrij",
                        new KpiMetadata("Aantal woningen in Overvecht-Noord waarvan de aardgasaansluiting sinds"
                                + " de start van de proeftuin (oktober 2018) is verwijderd, cumulatief.",
                                "Gemeente Utrecht en netbeheerder Stedin (verwijderde gasaansluitingen)",
                                "Telling per kwartaal van de verwijderde aansluitingen op woonadressen in de"
                                        + " wijk." + ILLUSTRATIVE)),
                new Kpi(AANSLUITINGEN_WARMTENET, UtrechtOpgaven.OVERVECHT_NOORD,
                        "Nieuwe aansluitingen op het warmtenet in Overvecht-Noord", "aansluitingen",
                        Direction.HIGHER_IS_BETTER, point(2018, 10, 1, 0),
                        List.of(point(2024, 12, 31, 1_600), point(2030, 12, 31, 3_200)),
                        RollUp.SUM, "aansluitingen-warmtenet",
                        new KpiMetadata("Aantal woningen in Overvecht-Noord dat sinds oktober 2018 op het"
                                + " warmtenet is aangesloten, cumulatief. Woningen die all-electric worden,"
                                + " tellen hier niet mee.",
                                "Eneco (warmtenet Utrecht) en Gemeente Utrecht",
                                "Opgeleverde aansluitingen per kwartaal volgens de warmteleverancier."
                                        + ILLUSTRATIVE)),
                new Kpi(WONINGEN_PER_DAG, UtrechtOpgaven.TEMPO_VERDUURZAMING, "Woningen verduurzaamd per dag",
                        PER_DAG_UNIT, Direction.HIGHER_IS_BETTER, point(2022, 1, 1, NATIONAL_PACE_PER_DAY),
                        List.of(point(2023, 12, 31, NATIONAL_NEED_PER_DAY),
                                point(2030, 12, 31, NATIONAL_NEED_PER_DAY)),
                        RollUp.SUM, PER_DAG_CODE,
                        new KpiMetadata("Gemiddeld aantal woningen per dag waarin in het kwartaal een"
                                + " verduurzamingsmaatregel is afgerond (isolatie, warmtepomp of aansluiting op"
                                + " een warmtenet). Het doel is het benodigde tempo: ongeveer 1.000 woningen"
                                + " per dag, vanaf eind 2023 en volgehouden tot 2030.",
                                "Klimaatverbond Nederland: landelijk ongeveer 40 woningen per dag verduurzaamd,"
                                        + " ongeveer 1.000 per dag nodig",
                                "In deze voorbeelddata staan de landelijke cijfers van het Klimaatverbond, zodat"
                                        + " de landelijke optelling van de standaardindicator het huidige tempo"
                                        + " (ongeveer 40 per dag) tegen het benodigde tempo (ongeveer 1.000 per"
                                        + " dag) zet. Een echte regio vult haar eigen aantallen in, bijvoorbeeld"
                                        + " uit RVO-subsidieregistraties en de Klimaatmonitor." + ILLUSTRATIVE)));
    }

    private static DataPoint point(int year, int month, int day, double value) {
        return new DataPoint(LocalDate.of(year, month, day), value);
    }
}
