package nl.proeftuin.registry.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.proeftuin.api.pilot.Contribution;
import nl.proeftuin.api.pilot.Pilot;
import nl.proeftuin.registry.Catalog;
import nl.proeftuin.registry.CatalogSnapshot;
import nl.proeftuin.registry.PilotStatus;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalogue service: follows every {@link Pilot} service (whiteboard), asks it once for its contribution on a
 * thread of its own with a time limit, and publishes a new immutable snapshot after each change.
 */
@Component(service = Catalog.class, configurationPid = "nl.proeftuin.registry")
@Designate(ocd = PilotRegistry.Config.class)
public final class PilotRegistry implements Catalog {

    /** Settings of the registry (PID {@code nl.proeftuin.registry}, file {@code conf/nl.proeftuin.registry.cfg}). */
    @ObjectClassDefinition(name = "Proeftuin registry")
    public @interface Config {
        /**
         * How long a pilot may take to return its contribution.
         *
         * @return seconds, at least 1
         */
        @AttributeDefinition(name = "Contribution timeout (s)", min = "1")
        int contributionTimeoutSeconds() default 5;
    }

    private static final Logger LOG = LoggerFactory.getLogger(PilotRegistry.class);

    private final Map<Long, PilotEntry> entries = new HashMap<>();
    /** Bundle id -> when it was first accepted; kept while the bundle is installed, so an update keeps its ids. */
    private final Map<Long, Long> seniority = new HashMap<>();
    private long acceptances;
    private final BundleContext context;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;
    private final ExecutorService callers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "proeftuin-pilot-call");
        thread.setDaemon(true);
        return thread;
    });
    private final long timeoutMillis;
    private volatile Snapshot snapshot = Snapshot.EMPTY;

    /**
     * Creates the registry.
     *
     * @param context the registry bundle's context, to tell an updated bundle from an uninstalled one
     * @param config its settings
     */
    @Activate
    public PilotRegistry(BundleContext context, Config config) {
        this.context = context;
        this.timeoutMillis = TimeUnit.SECONDS.toMillis(Math.max(1, config.contributionTimeoutSeconds()));
    }

    @Override
    public CatalogSnapshot snapshot() {
        return snapshot;
    }

    @Reference(service = Pilot.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addPilot(Pilot pilot, ServiceReference<Pilot> reference) {
        PilotEntry entry = describe(pilot, reference);
        if (entry == null) {
            return;
        }
        synchronized (entries) {
            if (reference.getBundle() == null) {
                return; // unregistered while its contribution was asked for: removePilot has run already
            }
            entries.put(entry.serviceId(), entry);
            rebuild();
        }
        report(entry);
    }

    void updatedPilot(Pilot pilot, ServiceReference<Pilot> reference) {
        addPilot(pilot, reference);
    }

    void removePilot(ServiceReference<Pilot> reference) {
        Long serviceId = (Long) reference.getProperty(Constants.SERVICE_ID);
        synchronized (entries) {
            PilotEntry removed = entries.remove(serviceId);
            if (removed != null) {
                rebuild();
                LOG.info("Pilot {} left the catalogue", removed.label());
            }
        }
    }

    @Deactivate
    void deactivate() {
        callers.shutdownNow();
    }

    /** Caller holds the lock on entries. */
    private void rebuild() {
        seniority.keySet().removeIf(bundleId -> context.getBundle(bundleId) == null);
        Snapshot previous = snapshot;
        Snapshot next = CatalogBuilder.build(entries.values(), previous.revision() + 1, seniority);
        for (PilotStatus pilot : next.pilots()) {
            if (pilot.accepted()) {
                seniority.computeIfAbsent(pilot.bundleId(), id -> ++acceptances);
            }
        }
        snapshot = next;
        ContributionEvents.post(eventAdmin, previous, next);
    }

    private PilotEntry describe(Pilot pilot, ServiceReference<Pilot> reference) {
        Bundle bundle = reference.getBundle();
        if (bundle == null) {
            return null; // unregistered while we were called
        }
        long serviceId = (Long) reference.getProperty(Constants.SERVICE_ID);
        String region = bundle.getHeaders("").get(Pilot.REGION_HEADER);
        Contribution contribution = null;
        String failure = null;
        Future<Contribution> call = callers.submit(pilot::contribution);
        try {
            contribution = call.get(timeoutMillis, TimeUnit.MILLISECONDS);
            if (contribution == null) {
                failure = "Pilot.contribution() returned null; expected a Contribution.";
            }
        } catch (TimeoutException e) {
            call.cancel(true);
            failure = "Pilot.contribution() did not return within " + timeoutMillis / 1000 + " s.";
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            failure = "Pilot.contribution() failed: " + (cause instanceof IllegalArgumentException
                    ? cause.getMessage()
                    : cause.getClass().getName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "Pilot.contribution() was interrupted.";
        }
        return new PilotEntry(bundle.getBundleId(), serviceId, bundle.getSymbolicName(), bundle.getVersion().toString(),
                region, contribution, failure);
    }

    private void report(PilotEntry entry) {
        for (PilotStatus status : snapshot.pilots()) {
            if (status.bundleId() == entry.bundleId()) {
                if (status.accepted()) {
                    LOG.info("Pilot {} (region {}) accepted: {} opgaven, {} KPIs, {} screens", entry.label(),
                            status.declaredRegion(), status.opgaven(), status.kpis(), status.screens());
                } else {
                    LOG.warn("Pilot {} refused: {}", entry.label(), String.join(" ", status.problems()));
                }
            }
        }
    }
}
