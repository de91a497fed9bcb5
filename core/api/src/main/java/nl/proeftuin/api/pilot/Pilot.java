package nl.proeftuin.api.pilot;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The service a pilot bundle registers to take part in the platform, typically as a Declarative
 * Services component ({@code @Component(service = Pilot.class)}).
 *
 * <p>The bundle must declare its region in the {@value #REGION_HEADER} manifest header; the core
 * accepts the contribution only if its region has that id.
 */
@ConsumerType
public interface Pilot {

    /**
     * The manifest header in which a pilot bundle declares the {@link
     * nl.proeftuin.api.model.Region#id() id} of the region it contributes to, e.g.
     * {@code Proeftuin-Region: zeeland}. The core refuses contributions for any other region, and
     * refuses a second bundle that claims a region already claimed by an active bundle.
     */
    String REGION_HEADER = "Proeftuin-Region";

    /**
     * Returns everything this pilot contributes.
     *
     * <p>Threading and failure: the core's registry calls this on a thread of its own, once when
     * the service registration appears and once more each time its service properties are
     * modified, and caches the result. It must
     * return quickly and do no I/O beyond reading the bundle's own resources (load large data
     * through a {@link DataFeed} instead). If it throws, hangs, returns {@code null} or returns a
     * contribution the registry finds invalid (for example a KPI whose opgave does not exist),
     * the whole pilot is refused, nothing of it is shown, and every reason is listed in the admin
     * screen.
     *
     * @return the contribution, never {@code null}
     */
    Contribution contribution();
}
