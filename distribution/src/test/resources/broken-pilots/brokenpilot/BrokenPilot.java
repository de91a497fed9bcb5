package brokenpilot;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import nl.proeftuin.api.model.DataPoint;
import nl.proeftuin.api.model.Direction;
import nl.proeftuin.api.model.Kpi;
import nl.proeftuin.api.model.Opgave;
import nl.proeftuin.api.model.Region;
import nl.proeftuin.api.model.RegionKind;
import nl.proeftuin.api.model.RollUp;
import nl.proeftuin.api.model.Theme;
import nl.proeftuin.api.pilot.Contribution;
import nl.proeftuin.api.pilot.Pilot;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The one class in the pilots that ValidateIT builds, compiled by the test itself: its activator registers it as
 * the Pilot service. {@code /pilot.properties} in the JAR names the region ({@code region}) and the one mistake its
 * contribution makes ({@code mistake}: {@code none}, {@code region-id-not-a-slug}, {@code kpi-without-target} or
 * {@code unknown-opgave}).
 *
 * <p>The contribution is built when the platform asks for it, as in a pilot written with the archetype, so a
 * record that refuses a value throws from {@code contribution()} and the registry reports its message. A single
 * class (no lambdas, no inner classes) that uses only the API, {@code org.osgi.framework} and {@code java.*}.
 */
public final class BrokenPilot implements BundleActivator, Pilot {

    private volatile Properties settings;
    private volatile ServiceRegistration<Pilot> registration;

    @Override
    public void start(BundleContext context) throws IOException {
        Properties loaded = new Properties();
        try (InputStream in = BrokenPilot.class.getResourceAsStream("/pilot.properties")) {
            if (in == null) {
                throw new IOException("the pilot JAR has no /pilot.properties");
            }
            loaded.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        settings = loaded;
        registration = context.registerService(Pilot.class, this, null);
    }

    @Override
    public void stop(BundleContext context) {
        ServiceRegistration<Pilot> current = registration;
        registration = null;
        if (current != null) {
            try {
                current.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregisters it anyway
            }
        }
    }

    @Override
    public Contribution contribution() {
        String id = settings.getProperty("region");
        String mistake = settings.getProperty("mistake", "none");
        // a display name where an id belongs: "Noord Holland" is not a slug
        String regionId = mistake.equals("region-id-not-a-slug") ? "Noord Holland" : id;
        Region region = new Region(regionId, "Regio " + id, RegionKind.REGIO, List.of());
        Opgave opgave = new Opgave(id + "-energie", regionId, "Energietransitie", Theme.ENERGIETRANSITIE,
                "Testopgave", "Testteam", List.of());
        List<DataPoint> targets = mistake.equals("kpi-without-target")
                ? List.of()
                : List.of(new DataPoint(LocalDate.of(2030, 12, 31), 10_000));
        // a typo in the reference: the opgave is "<region>-energie"
        String opgaveId = mistake.equals("unknown-opgave") ? id + "-energy" : opgave.id();
        Kpi kpi = new Kpi(id + "-woningen-geisoleerd", opgaveId, "Woningen geisoleerd", "woningen",
                Direction.HIGHER_IS_BETTER, new DataPoint(LocalDate.of(2024, 1, 1), 0), targets, RollUp.SUM, null,
                null);
        return new Contribution(region, List.of(opgave), List.of(kpi), List.of());
    }
}
