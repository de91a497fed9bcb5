package nl.proeftuin.web.internal.api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import nl.proeftuin.api.model.Kpi;
import nl.proeftuin.api.model.Opgave;
import nl.proeftuin.api.model.Region;
import nl.proeftuin.progress.KpiProgress;
import nl.proeftuin.progress.ProgressCalculator;
import nl.proeftuin.progress.RollUpProgress;
import nl.proeftuin.progress.Status;
import nl.proeftuin.progress.Summary;
import nl.proeftuin.registry.Catalog;
import nl.proeftuin.registry.CatalogSnapshot;
import nl.proeftuin.registry.PilotStatus;
import nl.proeftuin.store.LessonStore;
import nl.proeftuin.store.MeasurementStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Where every region and KPI stands, computed from the catalogue and the store. The result is cached for a moment
 * and dropped at once when this node records data or the catalogue changes; the short lifetime covers data recorded
 * by other nodes that share the database. One request at a time computes it (see {@link RecentValue}).
 */
@Component(service = Dashboard.class)
public final class Dashboard {

    private static final long CACHE_MILLIS = 2_000;

    private final Catalog catalog;
    private final MeasurementStore measurements;
    private final LessonStore lessons;
    private final Clock clock;
    private final RecentValue<Inputs, Overview> cached;

    /** What an overview is computed from. */
    private record Inputs(long catalogRevision, long dataVersion) {
    }

    private final AtomicLong dataVersion = new AtomicLong();

    /**
     * Creates the dashboard model.
     *
     * @param catalog the catalogue
     * @param measurements the measurement store
     * @param lessons the lesson store
     */
    @Activate
    public Dashboard(@Reference(name = "catalog") Catalog catalog, @Reference(name = "measurements") MeasurementStore measurements,
            @Reference(name = "lessons") LessonStore lessons) {
        this(catalog, measurements, lessons, Clock.systemDefaultZone());
    }

    Dashboard(Catalog catalog, MeasurementStore measurements, LessonStore lessons, Clock clock) {
        this.catalog = catalog;
        this.measurements = measurements;
        this.lessons = lessons;
        this.clock = clock;
        this.cached = new RecentValue<>(CACHE_MILLIS, clock::millis);
    }

    /** Drops the cache after data was recorded on this node. */
    public void dataChanged() {
        dataVersion.incrementAndGet();
    }

    /**
     * The overview as of now.
     *
     * @return the overview, at most a moment old
     */
    public Overview overview() {
        // the version first: data recorded while the snapshot is taken makes the key newer, never older
        long version = dataVersion.get();
        CatalogSnapshot snapshot = catalog.snapshot();
        return cached.get(new Inputs(snapshot.revision(), version), () -> compute(snapshot));
    }

    /**
     * The progress of one KPI, freshly computed.
     *
     * @param snapshot the catalogue snapshot the KPI comes from
     * @param kpi the KPI
     * @return its view with progress
     */
    public KpiView kpi(CatalogSnapshot snapshot, Kpi kpi) {
        Opgave opgave = snapshot.opgave(kpi.opgaveId()).orElseThrow();
        KpiProgress progress = ProgressCalculator.progress(kpi, measurements.measurements(kpi.id(), null, null), today());
        return KpiView.of(kpi, opgave, exampleRegions(snapshot).contains(opgave.regionId()), progress);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private Overview compute(CatalogSnapshot snapshot) {
        LocalDate today = today();
        Map<String, List<nl.proeftuin.api.model.Measurement>> data =
                measurements.measurements(snapshot.kpis().stream().map(Kpi::id).toList());
        Set<String> example = exampleRegions(snapshot);
        List<KpiView> kpis = new ArrayList<>();
        Map<String, List<KpiProgress>> byRegion = new TreeMap<>();
        Map<String, List<KpiProgress>> byTheme = new TreeMap<>();
        for (Kpi kpi : snapshot.kpis()) {
            Opgave opgave = snapshot.opgave(kpi.opgaveId()).orElseThrow();
            KpiProgress progress = ProgressCalculator.progress(kpi, data.getOrDefault(kpi.id(), List.of()), today);
            kpis.add(KpiView.of(kpi, opgave, example.contains(opgave.regionId()), progress));
            byRegion.computeIfAbsent(opgave.regionId(), r -> new ArrayList<>()).add(progress);
            byTheme.computeIfAbsent(opgave.theme().id(), t -> new ArrayList<>()).add(progress);
        }
        Map<String, Summary> regionCounts = ProgressCalculator.summarise(byRegion).stream()
                .collect(Collectors.toMap(Summary::key, s -> s));
        List<Overview.RegionSummary> regions = new ArrayList<>();
        for (Region region : snapshot.regions()) {
            Summary counts = regionCounts.getOrDefault(region.id(),
                    ProgressCalculator.summarise(Map.of(region.id(), List.of())).get(0));
            long opgaven = snapshot.opgaven().stream().filter(o -> o.regionId().equals(region.id())).count();
            regions.add(new Overview.RegionSummary(region.id(), region.name(), region.kind(), region.cbsCodes(),
                    example.contains(region.id()), (int) opgaven, counts.total(), worst(counts), counts));
        }
        List<RollUpProgress> rollUps = new ArrayList<>();
        List<String> rollUpProblems = new ArrayList<>();
        Map<String, List<Kpi>> byCode = new LinkedHashMap<>();
        snapshot.kpis().stream().filter(k -> k.standardCode() != null)
                .forEach(k -> byCode.computeIfAbsent(k.standardCode(), c -> new ArrayList<>()).add(k));
        for (Map.Entry<String, List<Kpi>> entry : byCode.entrySet()) {
            Map<String, List<nl.proeftuin.api.model.Measurement>> series = new HashMap<>();
            entry.getValue().forEach(k -> series.put(k.id(), data.getOrDefault(k.id(), List.of())));
            try {
                rollUps.add(ProgressCalculator.rollUp(entry.getKey(), entry.getValue(), series, today));
            } catch (IllegalArgumentException e) {
                rollUpProblems.add(e.getMessage());
            }
        }
        return new Overview(Instant.now(clock), today, snapshot.revision(), regions, kpis, rollUps, rollUpProblems,
                ProgressCalculator.summarise(byTheme), snapshot.lessons().size() + lessons.lessons().size());
    }

    /** The worst status among KPIs with data: what a ministry user must look at first. */
    static Status worst(Summary counts) {
        for (Status status : List.of(Status.OFF_TRACK, Status.AT_RISK, Status.ON_TRACK, Status.ACHIEVED)) {
            if (counts.counts().getOrDefault(status, 0) > 0) {
                return status;
            }
        }
        return Status.NO_DATA;
    }

    static Set<String> exampleRegions(CatalogSnapshot snapshot) {
        return snapshot.pilots().stream().filter(PilotStatus::accepted).filter(PilotStatus::exampleData)
                .map(PilotStatus::declaredRegion).collect(Collectors.toSet());
    }
}
