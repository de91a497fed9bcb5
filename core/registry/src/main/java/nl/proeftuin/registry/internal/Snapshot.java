package nl.proeftuin.registry.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.proeftuin.api.model.Kpi;
import nl.proeftuin.api.model.Lesson;
import nl.proeftuin.api.model.Measurement;
import nl.proeftuin.api.model.Opgave;
import nl.proeftuin.api.model.Region;
import nl.proeftuin.api.screen.Screen;
import nl.proeftuin.registry.CatalogSnapshot;
import nl.proeftuin.registry.PilotStatus;

/** The immutable catalogue state, with indexes so that look-ups by id do not scan. */
final class Snapshot implements CatalogSnapshot {

    static final Snapshot EMPTY = new Snapshot(0, List.of(), List.of(), List.of(), List.of(), Map.of(), Map.of(), List.of());

    private final long revision;
    private final List<Region> regions;
    private final List<Opgave> opgaven;
    private final List<Kpi> kpis;
    private final List<Lesson> lessons;
    private final Map<String, List<Screen>> screens;
    private final Map<String, List<Measurement>> initialMeasurements;
    private final List<PilotStatus> pilots;
    private final Map<String, Region> regionIndex;
    private final Map<String, Opgave> opgaveIndex;
    private final Map<String, Kpi> kpiIndex;

    Snapshot(long revision, List<Region> regions, List<Opgave> opgaven, List<Kpi> kpis, List<Lesson> lessons,
            Map<String, List<Screen>> screens, Map<String, List<Measurement>> initialMeasurements, List<PilotStatus> pilots) {
        this.revision = revision;
        this.regions = List.copyOf(regions);
        this.opgaven = List.copyOf(opgaven);
        this.kpis = List.copyOf(kpis);
        this.lessons = List.copyOf(lessons);
        this.screens = Map.copyOf(screens);
        this.initialMeasurements = Map.copyOf(initialMeasurements);
        this.pilots = List.copyOf(pilots);
        this.regionIndex = index(this.regions, Region::id);
        this.opgaveIndex = index(this.opgaven, Opgave::id);
        this.kpiIndex = index(this.kpis, Kpi::id);
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
        Map<String, T> index = new LinkedHashMap<>();
        items.forEach(item -> index.put(id.apply(item), item));
        return Map.copyOf(index);
    }

    @Override
    public long revision() {
        return revision;
    }

    @Override
    public List<Region> regions() {
        return regions;
    }

    @Override
    public Optional<Region> region(String id) {
        return Optional.ofNullable(id == null ? null : regionIndex.get(id));
    }

    @Override
    public List<Opgave> opgaven() {
        return opgaven;
    }

    @Override
    public Optional<Opgave> opgave(String id) {
        return Optional.ofNullable(id == null ? null : opgaveIndex.get(id));
    }

    @Override
    public List<Kpi> kpis() {
        return kpis;
    }

    @Override
    public Optional<Kpi> kpi(String id) {
        return Optional.ofNullable(id == null ? null : kpiIndex.get(id));
    }

    @Override
    public List<Lesson> lessons() {
        return lessons;
    }

    @Override
    public List<Screen> screens(String regionId) {
        return regionId == null ? List.of() : screens.getOrDefault(regionId, List.of());
    }

    @Override
    public List<Measurement> initialMeasurements(String regionId) {
        return regionId == null ? List.of() : initialMeasurements.getOrDefault(regionId, List.of());
    }

    @Override
    public List<PilotStatus> pilots() {
        return pilots;
    }
}
