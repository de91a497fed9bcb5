package nl.proeftuin.registry.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.proeftuin.api.model.Kpi;
import nl.proeftuin.api.model.Lesson;
import nl.proeftuin.api.model.Measurement;
import nl.proeftuin.api.model.Opgave;
import nl.proeftuin.api.model.Region;
import nl.proeftuin.api.pilot.Contribution;
import nl.proeftuin.api.screen.Screen;
import nl.proeftuin.registry.PilotStatus;

/**
 * Builds a catalogue from all registered pilots. It is rebuilt whole on every change: pilots accepted earlier come
 * first, then the others in installation order. That keeps the first holder of an id in place, and lets a refused
 * pilot in by itself once the pilot that held its id is gone.
 */
final class CatalogBuilder {

    private CatalogBuilder() {
    }

    static Snapshot build(Collection<PilotEntry> registered, long revision) {
        return build(registered, revision, Map.of());
    }

    /**
     * Builds the catalogue.
     *
     * @param registered every registered pilot
     * @param revision the new revision
     * @param seniority for bundles that were accepted before: when (a sequence number); they keep their ids over
     *     bundles that were never accepted, also across an update that briefly unregisters their service
     */
    static Snapshot build(Collection<PilotEntry> registered, long revision, Map<Long, Long> seniority) {
        List<PilotEntry> entries = new ArrayList<>(registered);
        entries.sort(Comparator.comparingLong((PilotEntry e) -> seniority.getOrDefault(e.bundleId(), Long.MAX_VALUE))
                .thenComparing(PilotEntry.ORDER));
        ContributionValidator.Claims claims = new ContributionValidator.Claims();
        List<Region> regions = new ArrayList<>();
        List<Opgave> opgaven = new ArrayList<>();
        List<Kpi> kpis = new ArrayList<>();
        List<Lesson> lessons = new ArrayList<>();
        Map<String, List<Screen>> screens = new HashMap<>();
        Map<String, List<Measurement>> initial = new HashMap<>();
        List<PilotStatus> pilots = new ArrayList<>();
        for (PilotEntry entry : entries) {
            List<String> problems = ContributionValidator.validate(entry, claims);
            Contribution c = entry.contribution();
            boolean example = c != null && c.exampleData();
            if (problems.isEmpty()) {
                claims.claimAll(entry);
                regions.add(c.region());
                opgaven.addAll(c.opgaven());
                kpis.addAll(c.kpis());
                lessons.addAll(c.lessons());
                screens.put(c.region().id(), c.screens());
                initial.put(c.region().id(), c.initialMeasurements());
                pilots.add(new PilotStatus(entry.bundleId(), entry.symbolicName(), entry.version(), entry.declaredRegion(),
                        true, List.of(), c.opgaven().size(), c.kpis().size(), c.screens().size(), example));
            } else {
                pilots.add(new PilotStatus(entry.bundleId(), entry.symbolicName(), entry.version(), entry.declaredRegion(),
                        false, problems, 0, 0, 0, example));
            }
        }
        return new Snapshot(revision, regions, opgaven, kpis, lessons, screens, initial, pilots);
    }
}
