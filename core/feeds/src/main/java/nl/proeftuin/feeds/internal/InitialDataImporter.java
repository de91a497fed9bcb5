package nl.proeftuin.feeds.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import nl.proeftuin.api.model.Measurement;
import nl.proeftuin.registry.Catalog;
import nl.proeftuin.registry.CatalogSnapshot;
import nl.proeftuin.registry.PilotStatus;
import nl.proeftuin.store.MeasurementStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventHandler;
import org.osgi.service.event.propertytypes.EventTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports the measurements a pilot ships in its bundle, once: the import is keyed by the pilot and a hash of the
 * data, so a restart, a second node or an unchanged update imports nothing, and changed data is imported again.
 */
@Component(service = EventHandler.class, immediate = true)
@EventTopics({"proeftuin/contribution/ADDED", "proeftuin/contribution/CHANGED"})
public final class InitialDataImporter implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(InitialDataImporter.class);

    private final Catalog catalog;
    private final MeasurementStore store;
    private final EventAdmin events;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "proeftuin-initial-data"));

    /**
     * Starts importing what the pilots already registered ship.
     *
     * @param catalog the catalogue
     * @param store the measurement store
     * @param events where "data recorded" events go
     */
    @Activate
    public InitialDataImporter(@Reference(name = "catalog") Catalog catalog, @Reference(name = "store") MeasurementStore store,
            @Reference(name = "events") EventAdmin events) {
        this.catalog = catalog;
        this.store = store;
        this.events = events;
        worker.execute(this::importAll);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        // an import in progress is one transaction: let it finish rather than cut its classes away under it
        worker.shutdown();
        if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
            worker.shutdownNow();
        }
    }

    @Override
    public void handleEvent(Event event) {
        if (Boolean.TRUE.equals(event.getProperty("accepted"))) {
            worker.execute(this::importAll);
        }
    }

    private void importAll() {
        CatalogSnapshot snapshot = catalog.snapshot();
        for (PilotStatus pilot : snapshot.pilots()) {
            if (!pilot.accepted() || pilot.declaredRegion() == null) {
                continue;
            }
            List<Measurement> measurements = snapshot.initialMeasurements(pilot.declaredRegion());
            if (measurements.isEmpty()) {
                continue;
            }
            String key = pilot.symbolicName() + "/" + pilot.declaredRegion() + "/initial/" + hash(measurements);
            try {
                if (store.importOnce(key, measurements, "pilot:" + pilot.symbolicName())) {
                    LOG.info("Imported {} measurements shipped in {} {}", measurements.size(), pilot.symbolicName(), pilot.version());
                    events.postEvent(new Event("proeftuin/data/RECORDED", Map.of("region", pilot.declaredRegion(),
                            "count", measurements.size(), "source", "initial")));
                }
            } catch (RuntimeException e) {
                LOG.error("Importing the data shipped in {} failed; it is tried again when the pilot changes", pilot.symbolicName(), e);
            }
        }
    }

    static String hash(List<Measurement> measurements) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Measurement m : measurements) {
                digest.update((m.kpiId() + "|" + m.period() + "|" + Double.toString(m.value()) + "|" + m.source() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
