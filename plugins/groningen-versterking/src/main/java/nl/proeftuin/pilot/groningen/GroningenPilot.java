package nl.proeftuin.pilot.groningen;

import nl.proeftuin.api.pilot.Contribution;
import nl.proeftuin.api.pilot.Pilot;
import org.osgi.service.component.annotations.Component;

/**
 * The Groningen pilot: about 26,000 homes in the earthquake area still to be inspected and
 * assessed, about 1,000 reinforced so far, and the promise that "people must know when it is their
 * turn", kept by the page {@code Wanneer ben ik aan de beurt?} that the bundle serves itself.
 *
 * <p>Registered as a {@link Pilot} service by Declarative Services. The bundle declares
 * {@code Proeftuin-Region: groningen} (see {@code bnd.bnd}), which must equal {@link #REGION_ID}.
 * The homes assessed arrive through {@link GroningenAssessmentFeed}; the other KPIs come with
 * initial measurements. Everything is example data (<em>voorbeelddata</em>).
 */
@Component(service = Pilot.class)
public class GroningenPilot implements Pilot {

    /** The region id, the same as the bundle's {@code Proeftuin-Region} manifest header. */
    public static final String REGION_ID = "groningen";

    /**
     * Assembles the contribution from its parts, flagged as example data.
     *
     * @return region, opgaven, KPIs, screens, lessons and initial measurements of Groningen
     */
    @Override
    public Contribution contribution() {
        return new Contribution(GroningenOpgaven.region(), GroningenOpgaven.all(), GroningenKpis.all(),
                GroningenScreens.all(), GroningenLessons.all(), GroningenData.initialMeasurements(), true);
    }
}
