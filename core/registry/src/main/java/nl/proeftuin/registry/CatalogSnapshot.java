package nl.proeftuin.registry;

import java.util.List;
import java.util.Optional;
import nl.proeftuin.api.model.Kpi;
import nl.proeftuin.api.model.Lesson;
import nl.proeftuin.api.model.Measurement;
import nl.proeftuin.api.model.Opgave;
import nl.proeftuin.api.model.Region;
import nl.proeftuin.api.screen.Screen;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An immutable, internally consistent state of the catalogue. Lists are unmodifiable, in a stable order (the
 * order in which the pilots were installed, then the order in which each pilot listed them).
 */
@ProviderType
public interface CatalogSnapshot {

    /**
     * A number that grows with every change of the catalogue, so that a client can tell whether it is current.
     *
     * @return the revision, 0 for the empty catalogue at start
     */
    long revision();

    /**
     * The regions of all accepted pilots.
     *
     * @return the regions, unmodifiable
     */
    List<Region> regions();

    /**
     * Looks up a region.
     *
     * @param id the region id
     * @return the region, or empty when no accepted pilot contributes it
     */
    Optional<Region> region(String id);

    /**
     * The opgaven of all accepted pilots.
     *
     * @return the opgaven, unmodifiable
     */
    List<Opgave> opgaven();

    /**
     * Looks up an opgave.
     *
     * @param id the opgave id
     * @return the opgave, or empty when unknown
     */
    Optional<Opgave> opgave(String id);

    /**
     * The KPIs of all accepted pilots.
     *
     * @return the KPIs, unmodifiable
     */
    List<Kpi> kpis();

    /**
     * Looks up a KPI.
     *
     * @param id the KPI id
     * @return the KPI, or empty when unknown
     */
    Optional<Kpi> kpi(String id);

    /**
     * The lessons that accepted pilots ship with their contribution (lessons entered by people live in the store).
     *
     * @return the lessons, unmodifiable
     */
    List<Lesson> lessons();

    /**
     * The screens a region's pilot contributes.
     *
     * @param regionId the region id
     * @return the screens in the pilot's order; empty for an unknown region
     */
    List<Screen> screens(String regionId);

    /**
     * The measurements an accepted pilot ships in its bundle, to be imported once (see
     * {@link nl.proeftuin.api.pilot.Contribution#initialMeasurements()}).
     *
     * @param regionId the region id
     * @return the measurements in the pilot's order; empty for an unknown region
     */
    List<Measurement> initialMeasurements(String regionId);

    /**
     * Every registered pilot contribution, accepted or refused, with the reasons for refusal.
     *
     * @return the pilots in installation order, unmodifiable
     */
    List<PilotStatus> pilots();
}
