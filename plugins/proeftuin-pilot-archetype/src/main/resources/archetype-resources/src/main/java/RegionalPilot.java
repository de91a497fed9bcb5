package ${package};

import java.time.LocalDate;
import java.util.List;
import nl.proeftuin.api.model.DataPoint;
import nl.proeftuin.api.model.Direction;
import nl.proeftuin.api.model.Kpi;
import nl.proeftuin.api.model.KpiMetadata;
import nl.proeftuin.api.model.Lesson;
import nl.proeftuin.api.model.Opgave;
import nl.proeftuin.api.model.Region;
import nl.proeftuin.api.model.RegionKind;
import nl.proeftuin.api.model.RollUp;
import nl.proeftuin.api.model.Theme;
import nl.proeftuin.api.pilot.Contribution;
import nl.proeftuin.api.pilot.Pilot;
import nl.proeftuin.api.screen.KpiTile;
import nl.proeftuin.api.screen.TextBlock;
import nl.proeftuin.api.screen.WidgetScreen;
import org.osgi.service.component.annotations.Component;

/**
 * The pilot of ${regionName}: what this region contributes to the Proeftuin dashboard.
 *
 * <p>Declarative Services registers it as a {@link Pilot} service when the bundle starts; the platform then calls
 * {@link #contribution()} once, on a thread of its own, and checks the result as a whole. Every record checks its own
 * fields as it is built (ids are slugs, numbers are finite, targets come after the baseline) and throws an
 * {@link IllegalArgumentException} naming the field; the platform refuses a pilot whose contribution throws, with
 * that message.
 *
 * <p>The figures below are placeholders (<em>voorbeelddata</em>): replace them with your region's own, and set
 * {@code exampleData} to false once they are real.
 */
@Component(service = Pilot.class)
public class RegionalPilot implements Pilot {

    /** The region id: the same as {@code Proeftuin-Region} in bnd.bnd. Every other id starts with it. */
    public static final String REGION_ID = "${region}";
    /** The region's display name. */
    public static final String REGION_NAME = "${regionName}";

    /** Opgave id: the energy transition. */
    static final String ENERGIETRANSITIE = REGION_ID + "-energietransitie";
    /** KPI id: homes insulated since the baseline, cumulative. */
    static final String WONINGEN_GEISOLEERD = REGION_ID + "-woningen-geisoleerd";
    /** Screen id (unique within this pilot). */
    static final String OVERZICHT = "overzicht";

    /**
     * Builds the contribution. Keep it quick and free of I/O: it runs while the bundle starts.
     *
     * @return region, opgaven, KPIs, screens and lessons of ${regionName}
     */
    @Override
    public Contribution contribution() {
        // kind: PROVINCIE, GEMEENTE, REGIO or WIJK; CBS codes (e.g. "PV21" for a province, "GM0080" for a gemeente)
        // let the national map draw the region
        Region region = new Region(REGION_ID, REGION_NAME, RegionKind.REGIO, List.of());

        Opgave energietransitie = new Opgave(ENERGIETRANSITIE, REGION_ID, "Energietransitie", Theme.ENERGIETRANSITIE,
                "Woningen in " + REGION_NAME + " worden geïsoleerd en aardgasvrij gemaakt.",
                "Provincie", List.of("Gemeenten", "Woningcorporaties"));

        Kpi woningenGeisoleerd = new Kpi(WONINGEN_GEISOLEERD, ENERGIETRANSITIE, "Woningen geïsoleerd", "woningen",
                Direction.HIGHER_IS_BETTER,
                new DataPoint(LocalDate.of(2024, 1, 1), 0),
                List.of(new DataPoint(LocalDate.of(2027, 12, 31), 4_000),
                        new DataPoint(LocalDate.of(2030, 12, 31), 10_000)),
                RollUp.SUM,
                // a standard indicator code: the same unit, direction and roll-up as in every other region
                "woningen-geisoleerd",
                new KpiMetadata("Woningen met ten minste één isolatiemaatregel sinds 1 januari 2024, cumulatief.",
                        "Registraties van de gemeenten", "Optelling per kwartaal, ontdubbeld per adres."));

        WidgetScreen overzicht = new WidgetScreen(OVERZICHT, "Overzicht", List.of(
                new TextBlock("Proeftuin " + REGION_NAME, "Wat " + REGION_NAME + " doet en hoe ver het is."),
                new KpiTile(null, WONINGEN_GEISOLEERD)));

        Lesson samenOptrekken = new Lesson(REGION_ID + "-samen-optrekken", REGION_ID, ENERGIETRANSITIE,
                Theme.ENERGIETRANSITIE, "Eén loket voor bewoners",
                "Bewoners haakten af toen elke gemeente haar eigen regeling had. Eén regionaal loket met één"
                        + " aanvraag maakte het verschil.",
                "Programmateam " + REGION_NAME, LocalDate.of(2025, 6, 1));

        return new Contribution(region, List.of(energietransitie), List.of(woningenGeisoleerd), List.of(overzicht),
                List.of(samenOptrekken), List.of(), true);
    }
}
