package nl.proeftuin.pilot.utrecht;

import nl.proeftuin.api.pilot.Contribution;
import nl.proeftuin.api.pilot.Pilot;
import org.osgi.service.component.annotations.Component;

/**
 * The Utrecht pilot: Overvecht-Noord, one of the first neighbourhoods of the Programma Aardgasvrije
 * Wijken (PAW), leaving natural gas for the district heating network; and the standard indicator
 * "woningen verduurzaamd per dag", which compares the current pace of about 40 homes a day with the
 * about 1,000 a day the country needs.
 *
 * <p>Registered as a {@link Pilot} service by Declarative Services. The bundle declares
 * {@code Proeftuin-Region: utrecht} (see {@code bnd.bnd}), which must equal {@link #REGION_ID}.
 * Everything it contributes is example data (<em>voorbeelddata</em>).
 */
@Component(service = Pilot.class)
public class UtrechtPilot implements Pilot {

    /** The region id, the same as the bundle's {@code Proeftuin-Region} manifest header. */
    public static final String REGION_ID = "utrecht";

    /**
     * Assembles the contribution from its parts, flagged as example data.
     *
     * @return region, opgaven, KPIs, screen, lessons and initial measurements of Utrecht
     */
    @Override
    public Contribution contribution() {
        return new Contribution(UtrechtOpgaven.region(), UtrechtOpgaven.all(), UtrechtKpis.all(),
                UtrechtScreens.all(), UtrechtLessons.all(), UtrechtData.initialMeasurements(), true);
    }
}
