package nl.proeftuin.pilot.groningen;

import java.time.LocalDate;
import java.util.List;
import nl.proeftuin.api.model.DataPoint;
import nl.proeftuin.api.model.Direction;
import nl.proeftuin.api.model.Kpi;
import nl.proeftuin.api.model.KpiMetadata;
import nl.proeftuin.api.model.RollUp;

/** The KPIs of the Groningen pilot: three for reinforcement, one for sustainability. */
final class GroningenKpis {

    /** Homes inspected and assessed, cumulative; delivered by {@link GroningenAssessmentFeed}. */
    static final String WONINGEN_BEOORDEELD = "groningen-woningen-beoordeeld";
    /** Homes reinforced (work completed), cumulative. */
    static final String WONINGEN_VERSTERKT = "groningen-woningen-versterkt";
    /** Average time from inspection to decision. */
    static final String DOORLOOPTIJD = "groningen-doorlooptijd-opname-besluit";
    /** Share of reinforced homes that were made sustainable in the same renovation. */
    static final String VERSTERKT_EN_VERDUURZAAMD = "groningen-versterkt-en-verduurzaamd";

    /** The homes already assessed when the feed's series starts. */
    static final DataPoint BEOORDEELD_BASELINE = new DataPoint(LocalDate.of(2023, 1, 1), 6_000);
    /** The whole assessment task: about 26,000 homes. */
    static final double BEOORDEELD_TOTAL = 26_000;

    /** Appended to every method: these are not real figures. */
    private static final String ILLUSTRATIVE = " Illustratief: de waarden in deze pilot zijn voorbeelddata,"
            + " geen echte metingen.";

    private GroningenKpis() {
    }

    /**
     * All KPIs, grouped by opgave.
     *
     * @return the KPIs
     */
    static List<Kpi> all() {
        return List.of(
                new Kpi(WONINGEN_BEOORDEELD, GroningenOpgaven.VERSTERKING, "Woningen opgenomen en beoordeeld",
                        "woningen", Direction.HIGHER_IS_BETTER, BEOORDEELD_BASELINE,
                        List.of(point(2025, 12, 31, 18_000), point(2026, 12, 31, BEOORDEELD_TOTAL)),
                        RollUp.SUM, "woningen-versterking-beoordeeld",
                        new KpiMetadata("Aantal woningen in het aardbevingsgebied waarvan de bouwkundige"
                                + " opname is gedaan en de beoordeling (voldoet aan de norm of moet versterkt"
                                + " worden) aan de eigenaar is meegedeeld, cumulatief. De opgave telt ongeveer"
                                + " 26.000 woningen.",
                                "Nationaal Coördinator Groningen (NCG), voortgangsrapportage versterking",
                                "Maandelijkse aantallen uit de voortgangsregistratie, opgeteld vanaf de stand"
                                        + " van 1 januari 2023; aangeleverd door de datafeed van deze pilot."
                                        + ILLUSTRATIVE)),
                new Kpi(WONINGEN_VERSTERKT, GroningenOpgaven.VERSTERKING, "Woningen versterkt", "woningen",
                        Direction.HIGHER_IS_BETTER, point(2019, 1, 1, 200),
                        List.of(point(2026, 12, 31, 3_000), point(2028, 12, 31, 8_000)),
                        RollUp.SUM, "woningen-versterkt",
                        new KpiMetadata("Aantal woningen waarvan de versterking is afgerond en opgeleverd,"
                                + " cumulatief. Veel beoordeelde woningen voldoen aan de norm en hoeven niet te"
                                + " worden versterkt.",
                                "Nationaal Coördinator Groningen (NCG)",
                                "Opleveringen per kwartaal volgens de projectadministratie." + ILLUSTRATIVE)),
                new Kpi(DOORLOOPTIJD, GroningenOpgaven.VERSTERKING, "Doorlooptijd van opname tot besluit",
                        "weken", Direction.LOWER_IS_BETTER, point(2020, 1, 1, 60),
                        List.of(point(2025, 12, 31, 30), point(2027, 12, 31, 16)),
                        RollUp.AVERAGE, null,
                        new KpiMetadata("Gemiddeld aantal weken tussen de bouwkundige opname van een woning en"
                                + " het versterkingsbesluit dat de eigenaar ontvangt.",
                                "Nationaal Coördinator Groningen (NCG)",
                                "Gemiddelde over de besluiten die in het kwartaal zijn verstuurd."
                                        + ILLUSTRATIVE)),
                new Kpi(VERSTERKT_EN_VERDUURZAAMD, GroningenOpgaven.VERDUURZAMING,
                        "Versterkte woningen die ook verduurzaamd zijn", "%", Direction.HIGHER_IS_BETTER,
                        point(2020, 1, 1, 15),
                        List.of(point(2026, 12, 31, 50), point(2030, 12, 31, 90)),
                        RollUp.AVERAGE, null,
                        new KpiMetadata("Aandeel van de opgeleverde versterkte woningen waarin bij dezelfde"
                                + " verbouwing ten minste twee verduurzamingsmaatregelen zijn genomen (isolatie,"
                                + " warmtepomp of aansluiting op een warmtenet).",
                                "Nationaal Coördinator Groningen (NCG) en Nationaal Programma Groningen",
                                "Opleveringen van het kwartaal met een geregistreerde verduurzamingsmaatregel,"
                                        + " gedeeld door alle opleveringen." + ILLUSTRATIVE)));
    }

    private static DataPoint point(int year, int month, int day, double value) {
        return new DataPoint(LocalDate.of(year, month, day), value);
    }
}
