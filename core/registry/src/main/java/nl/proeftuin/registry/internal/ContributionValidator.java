package nl.proeftuin.registry.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.proeftuin.api.model.Kpi;
import nl.proeftuin.api.model.Lesson;
import nl.proeftuin.api.model.Measurement;
import nl.proeftuin.api.model.Opgave;
import nl.proeftuin.api.pilot.Contribution;
import nl.proeftuin.api.pilot.Pilot;
import nl.proeftuin.api.screen.KpiChart;
import nl.proeftuin.api.screen.KpiTable;
import nl.proeftuin.api.screen.KpiTile;
import nl.proeftuin.api.screen.Screen;
import nl.proeftuin.api.screen.Widget;
import nl.proeftuin.api.screen.WidgetScreen;

/**
 * Checks one contribution as a whole and lists every problem, so that a regional team can fix them all at once.
 * The value types have already checked their own fields (slugs, finite numbers); this checks what spans them:
 * the declared region, references between elements, and ids already held by other pilots.
 */
final class ContributionValidator {

    private ContributionValidator() {
    }

    /**
     * Validates an entry against the ids already claimed by pilots installed before it.
     *
     * @param entry the pilot to check
     * @param claims who holds which id so far
     * @return the problems, empty when the contribution can be accepted
     */
    static List<String> validate(PilotEntry entry, Claims claims) {
        List<String> problems = new ArrayList<>();
        if (entry.failure() != null) {
            problems.add(entry.failure());
        }
        if (entry.declaredRegion() == null || entry.declaredRegion().isBlank()) {
            problems.add("The bundle declares no region: add the manifest header " + Pilot.REGION_HEADER
                    + ": <region-id> (for example " + Pilot.REGION_HEADER + ": zeeland).");
        }
        Contribution contribution = entry.contribution();
        if (contribution == null) {
            return problems;
        }
        String regionId = contribution.region().id();
        if (entry.declaredRegion() != null && !entry.declaredRegion().isBlank() && !entry.declaredRegion().strip().equals(regionId)) {
            problems.add("Region \"" + regionId + "\" is not the region the manifest declares (" + Pilot.REGION_HEADER
                    + ": " + entry.declaredRegion().strip() + "); a pilot contributes only to its own region.");
        }
        claims.conflict("Region", regionId, entry).ifPresent(problems::add);

        Set<String> opgaveIds = new HashSet<>();
        for (Opgave opgave : contribution.opgaven()) {
            if (!opgaveIds.add(opgave.id())) {
                problems.add("Opgave \"" + opgave.id() + "\" is listed twice; ids must be unique.");
            }
            if (!opgave.regionId().equals(regionId)) {
                problems.add("Opgave \"" + opgave.id() + "\" belongs to region \"" + opgave.regionId()
                        + "\"; expected the pilot's region \"" + regionId + "\".");
            }
            claims.conflict("Opgave", opgave.id(), entry).ifPresent(problems::add);
        }

        Set<String> kpiIds = new HashSet<>();
        for (Kpi kpi : contribution.kpis()) {
            if (!kpiIds.add(kpi.id())) {
                problems.add("KPI \"" + kpi.id() + "\" is listed twice; ids must be unique.");
            }
            if (!opgaveIds.contains(kpi.opgaveId())) {
                problems.add("KPI \"" + kpi.id() + "\" refers to opgave \"" + kpi.opgaveId()
                        + "\", which this pilot does not contribute; expected one of " + sorted(opgaveIds) + ".");
            }
            claims.conflict("KPI", kpi.id(), entry).ifPresent(problems::add);
        }

        Set<String> screenIds = new HashSet<>();
        for (Screen screen : contribution.screens()) {
            if (!screenIds.add(screen.id())) {
                problems.add("Screen \"" + screen.id() + "\" is listed twice; ids must be unique within a pilot.");
            }
            if (screen instanceof WidgetScreen widgets) {
                for (Widget widget : widgets.widgets()) {
                    for (String kpiId : kpiIdsOf(widget)) {
                        if (!kpiIds.contains(kpiId)) {
                            problems.add("Screen \"" + screen.id() + "\" shows KPI \"" + kpiId
                                    + "\", which this pilot does not contribute.");
                        }
                    }
                }
            }
        }

        Set<String> lessonIds = new HashSet<>();
        for (Lesson lesson : contribution.lessons()) {
            if (!lessonIds.add(lesson.id())) {
                problems.add("Lesson \"" + lesson.id() + "\" is listed twice; ids must be unique.");
            }
            if (!lesson.regionId().equals(regionId)) {
                problems.add("Lesson \"" + lesson.id() + "\" belongs to region \"" + lesson.regionId()
                        + "\"; expected the pilot's region \"" + regionId + "\".");
            }
            if (lesson.opgaveId() != null && !opgaveIds.contains(lesson.opgaveId())) {
                problems.add("Lesson \"" + lesson.id() + "\" refers to opgave \"" + lesson.opgaveId()
                        + "\", which this pilot does not contribute.");
            }
            claims.conflict("Lesson", lesson.id(), entry).ifPresent(problems::add);
        }

        Set<String> unknownMeasured = new HashSet<>();
        for (Measurement measurement : contribution.initialMeasurements()) {
            if (!kpiIds.contains(measurement.kpiId()) && unknownMeasured.add(measurement.kpiId())) {
                problems.add("Initial measurements refer to KPI \"" + measurement.kpiId()
                        + "\", which this pilot does not contribute.");
            }
        }
        return problems;
    }

    private static List<String> kpiIdsOf(Widget widget) {
        if (widget instanceof KpiTile tile) {
            return List.of(tile.kpiId());
        }
        if (widget instanceof KpiChart chart) {
            return chart.kpiIds();
        }
        if (widget instanceof KpiTable table) {
            return table.kpiIds();
        }
        return List.of();
    }

    private static List<String> sorted(Set<String> ids) {
        return ids.stream().sorted().toList();
    }

    /** Which pilot holds which id, per kind of element. */
    static final class Claims {
        private final Map<String, Map<String, PilotEntry>> holders = new HashMap<>();

        Optional<String> conflict(String kind, String id, PilotEntry claimant) {
            PilotEntry holder = holders.getOrDefault(kind, Map.of()).get(id);
            if (holder == null || holder == claimant) {
                return Optional.empty();
            }
            return Optional.of(kind + " id \"" + id + "\" is already taken by " + holder.label()
                    + " (bundle " + holder.bundleId() + "), which was installed first; choose another id.");
        }

        /** Records the ids of an accepted contribution. */
        void claimAll(PilotEntry entry) {
            Contribution contribution = entry.contribution();
            claim("Region", contribution.region().id(), entry);
            contribution.opgaven().forEach(o -> claim("Opgave", o.id(), entry));
            contribution.kpis().forEach(k -> claim("KPI", k.id(), entry));
            contribution.lessons().forEach(l -> claim("Lesson", l.id(), entry));
        }

        private void claim(String kind, String id, PilotEntry entry) {
            holders.computeIfAbsent(kind, k -> new HashMap<>()).putIfAbsent(id, entry);
        }
    }
}
