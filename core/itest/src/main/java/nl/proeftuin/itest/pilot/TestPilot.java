package nl.proeftuin.itest.pilot;

import java.time.LocalDate;
import java.util.List;
import nl.proeftuin.api.model.DataPoint;
import nl.proeftuin.api.model.Direction;
import nl.proeftuin.api.model.Kpi;
import nl.proeftuin.api.model.KpiMetadata;
import nl.proeftuin.api.model.Opgave;
import nl.proeftuin.api.model.Region;
import nl.proeftuin.api.model.RegionKind;
import nl.proeftuin.api.model.RollUp;
import nl.proeftuin.api.model.Theme;
import nl.proeftuin.api.pilot.Contribution;
import nl.proeftuin.api.pilot.Pilot;
import nl.proeftuin.api.screen.KpiTile;
import nl.proeftuin.api.screen.WidgetScreen;
import org.osgi.service.component.annotations.Component;

/** A pilot as a regional team writes one: a DS component that uses the API bundle only. */
@Component
public class TestPilot implements Pilot {

    static final String REGION = "testland";

    @Override
    public Contribution contribution() {
        Region region = new Region(REGION, "Testland", RegionKind.REGIO, List.of());
        Opgave opgave = new Opgave("testland-warmte", REGION, "Warmte zonder aardgas", Theme.ENERGIETRANSITIE,
                "Wijken van het aardgas af.", "Gemeente Testland", List.of("Woningcorporatie"));
        Kpi kpi = new Kpi("testland-woningen-aardgasvrij", opgave.id(), "Woningen aardgasvrij", "woningen",
                Direction.HIGHER_IS_BETTER, new DataPoint(LocalDate.of(2020, 1, 1), 0),
                List.of(new DataPoint(LocalDate.of(2030, 12, 31), 5000)), RollUp.SUM, "woningen-aardgasvrij",
                new KpiMetadata("Woningen zonder aardgasaansluiting", "Netbeheerder", "Telling per kwartaal"));
        WidgetScreen screen = new WidgetScreen("overzicht", "Overzicht", List.of(new KpiTile(null, kpi.id())));
        return new Contribution(region, List.of(opgave), List.of(kpi), List.of(screen));
    }
}
