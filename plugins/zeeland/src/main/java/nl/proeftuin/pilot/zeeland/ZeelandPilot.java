package nl.proeftuin.pilot.zeeland;

import nl.proeftuin.api.pilot.Contribution;
import nl.proeftuin.api.pilot.Pilot;
import org.osgi.service.component.annotations.Component;

/**
 * The Zeeland pilot: the proeftuin that came out of the report "Maak verschil" (2016) and works on
 * the energy transition, technical education and liveability.
 *
 * <p>Registered as a {@link Pilot} service by Declarative Services. Its bundle declares
 * {@code Proeftuin-Region: zeeland} (see {@code bnd.bnd}), which must equal {@link #REGION_ID}.
 * Everything it contributes is example data (<em>voorbeelddata</em>): plausible, but not real
 * figures.
 */
@Component(service = Pilot.class)
public class ZeelandPilot implements Pilot {

    /** The region id, the same as the bundle's {@code Proeftuin-Region} manifest header. */
    public static final String REGION_ID = "zeeland";

    /**
     * Assembles the contribution from its parts. Every part validates itself as it is built; the
     * contribution is flagged as example data.
     *
     * @return region, opgaven, KPIs, screens, lessons and initial measurements of Zeeland
     */
    @Override
    public Contribution contribution() {
        return new Contribution(ZeelandOpgaven.region(), ZeelandOpgaven.all(), ZeelandKpis.all(),
                ZeelandScreens.all(), ZeelandLessons.all(), ZeelandData.initialMeasurements(), true);
    }
}
