package nl.proeftuin.registry.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.proeftuin.api.model.DataPoint;
import nl.proeftuin.api.model.Direction;
import nl.proeftuin.api.model.Kpi;
import nl.proeftuin.api.model.Lesson;
import nl.proeftuin.api.model.Measurement;
import nl.proeftuin.api.model.Opgave;
import nl.proeftuin.api.model.Region;
import nl.proeftuin.api.model.RegionKind;
import nl.proeftuin.api.model.RollUp;
import nl.proeftuin.api.model.Theme;
import nl.proeftuin.api.pilot.Contribution;
import nl.proeftuin.api.screen.KpiChart;
import nl.proeftuin.api.screen.KpiTile;
import nl.proeftuin.api.screen.PageScreen;
import nl.proeftuin.api.screen.Screen;
import nl.proeftuin.api.screen.Widget;
import nl.proeftuin.api.screen.WidgetScreen;

/** Test data: real API records and registry entries, built with as little noise as possible. */
final class Pilots {

    static final String VERSION = "1.0.0";

    private Pilots() {
    }

    static Region region(String id) {
        return new Region(id, "Regio " + id, RegionKind.PROVINCIE, List.of());
    }

    static Opgave opgave(String id, String regionId) {
        return new Opgave(id, regionId, "Opgave " + id, Theme.ENERGIETRANSITIE, "", "", List.of());
    }

    static Kpi kpi(String id, String opgaveId) {
        return new Kpi(id, opgaveId, "KPI " + id, "woningen", Direction.HIGHER_IS_BETTER,
                new DataPoint(LocalDate.of(2020, 1, 1), 0),
                List.of(new DataPoint(LocalDate.of(2030, 12, 31), 1000)), RollUp.SUM, null, null);
    }

    static WidgetScreen tilesScreen(String id, String... kpiIds) {
        return new WidgetScreen(id, "Scherm " + id,
                Arrays.stream(kpiIds).<Widget>map(k -> new KpiTile(null, k)).toList());
    }

    static WidgetScreen chartScreen(String id, String... kpiIds) {
        return new WidgetScreen(id, "Scherm " + id, List.of(new KpiChart("Verloop", List.of(kpiIds))));
    }

    static PageScreen pageScreen(String id) {
        return new PageScreen(id, "Pagina " + id, "/web", "index.html");
    }

    static Lesson lesson(String id, String regionId, String opgaveId) {
        return new Lesson(id, regionId, opgaveId, Theme.ENERGIETRANSITIE, "Les " + id, "Samen werkt beter.",
                "Team " + regionId, LocalDate.of(2024, 3, 1));
    }

    static Measurement measurement(String kpiId) {
        return new Measurement(kpiId, LocalDate.of(2024, 1, 1), 120, "CBS");
    }

    /** A small, valid contribution whose ids are all prefixed by the region id, so that regions never clash. */
    static ContributionBuilder validFor(String regionId) {
        String opgave = regionId + "-energie";
        String kpi = regionId + "-woningen-geisoleerd";
        return new ContributionBuilder(region(regionId))
                .opgave(opgave(opgave, regionId))
                .kpi(kpi(kpi, opgave))
                .screen(tilesScreen("overzicht", kpi))
                .lesson(lesson(regionId + "-samenwerken", regionId, opgave))
                .measurement(measurement(kpi));
    }

    /** An entry whose manifest declares the contribution's own region. */
    static PilotEntry entry(long bundleId, String symbolicName, Contribution contribution) {
        return new PilotEntry(bundleId, bundleId * 10, symbolicName, VERSION, contribution.region().id(), contribution,
                null);
    }

    static PilotEntry entry(long bundleId, String symbolicName, String declaredRegion, Contribution contribution) {
        return new PilotEntry(bundleId, bundleId * 10, symbolicName, VERSION, declaredRegion, contribution, null);
    }

    /** An entry whose {@code Pilot.contribution()} failed. */
    static PilotEntry failedEntry(long bundleId, String symbolicName, String declaredRegion, String failure) {
        return new PilotEntry(bundleId, bundleId * 10, symbolicName, VERSION, declaredRegion, null, failure);
    }

    /** Collects the parts of a contribution; lists keep the order in which parts were added. */
    static final class ContributionBuilder {
        private final Region region;
        private final List<Opgave> opgaven = new ArrayList<>();
        private final List<Kpi> kpis = new ArrayList<>();
        private final List<Screen> screens = new ArrayList<>();
        private final List<Lesson> lessons = new ArrayList<>();
        private final List<Measurement> measurements = new ArrayList<>();
        private boolean exampleData;

        ContributionBuilder(Region region) {
            this.region = region;
        }

        ContributionBuilder opgave(Opgave opgave) {
            opgaven.add(opgave);
            return this;
        }

        ContributionBuilder kpi(Kpi kpi) {
            kpis.add(kpi);
            return this;
        }

        ContributionBuilder screen(Screen screen) {
            screens.add(screen);
            return this;
        }

        ContributionBuilder lesson(Lesson lesson) {
            lessons.add(lesson);
            return this;
        }

        ContributionBuilder measurement(Measurement measurement) {
            measurements.add(measurement);
            return this;
        }

        ContributionBuilder exampleData() {
            exampleData = true;
            return this;
        }

        Contribution build() {
            return new Contribution(region, opgaven, kpis, screens, lessons, measurements, exampleData);
        }
    }
}
