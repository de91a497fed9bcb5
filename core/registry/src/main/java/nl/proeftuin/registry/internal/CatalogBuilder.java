package nl.proeftuin.registry.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.proeftuin.api.model.Kpi;
import nl.proeftuin.api.model.Lesson;
import nl.proeftuin.api.model.Opgave;
import nl.proeftuin.api.model.Region;
import nl.proeftuin.api.pilot.Contribution;
import nl.proeftuin.api.screen.Screen;
import nl.proeftuin.registry.PilotStatus;

/**
 * Builds a catalogue from all registered pilots. It is rebuilt whole on every change, in installation order:
 * that keeps the first holder of an id in place, and lets a refused pilot in by itself once the pilot that held
 * its id is gone.
 */
final class CatalogBuilder {

    private CatalogBuilder() {
    }

    static Snapshot build(Collection<PilotEntry> registered, long revision) {
        List<PilotEntry> entries = new ArrayList<>(registered);
        entries.sort(PilotEntry.ORDER);
        ContributionValidator.Claims claims = new ContributionValidator.Claims();
        List<Region> regions = new ArrayList<>();
        List<Opgave> opgaven = new ArrayList<>();
        List<Kpi> kpis = new ArrayList<>();
        List<Lesson> lessons = new ArrayList<>();
        Map<String, List<Screen>> screens = new HashMap<>();
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
                pilots.add(new PilotStatus(entry.bundleId(), entry.symbolicName(), entry.version(), entry.declaredRegion(),
                        true, List.of(), c.opgaven().size(), c.kpis().size(), c.screens().size(), example));
            } else {
                pilots.add(new PilotStatus(entry.bundleId(), entry.symbolicName(), entry.version(), entry.declaredRegion(),
                        false, problems, 0, 0, 0, example));
            }
        }
        return new Snapshot(revision, regions, opgaven, kpis, lessons, screens, pilots);
    }
}
