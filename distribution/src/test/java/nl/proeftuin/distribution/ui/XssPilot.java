package nl.proeftuin.distribution.ui;

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
import nl.proeftuin.api.model.KpiMetadata;
import nl.proeftuin.api.model.Opgave;
import nl.proeftuin.api.model.Region;
import nl.proeftuin.api.model.RegionKind;
import nl.proeftuin.api.model.RollUp;
import nl.proeftuin.api.model.Theme;
import nl.proeftuin.api.pilot.Contribution;
import nl.proeftuin.api.pilot.Pilot;
import nl.proeftuin.api.screen.KpiChart;
import nl.proeftuin.api.screen.KpiTable;
import nl.proeftuin.api.screen.KpiTile;
import nl.proeftuin.api.screen.PageScreen;
import nl.proeftuin.api.screen.RegionMap;
import nl.proeftuin.api.screen.TextBlock;
import nl.proeftuin.api.screen.WidgetScreen;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The one class inside the hostile pilot JARs of {@link DashboardXssIT} (made by {@link XssPilotJar}): every text it
 * contributes carries {@link #PAYLOAD}, markup and script that must reach the page as text and never run. Its
 * activator registers it as the {@link Pilot}. One class file on purpose (no inner classes, no lambdas), using only
 * the packages the JAR imports: the API, {@code org.osgi.framework} and {@code java.*}.
 *
 * <p>{@code /fixture.properties} in the JAR names the region ({@code region}) and the {@code mode}: {@code valid}
 * contributes region, opgave, KPI (with a standard code, so it is rolled up and compared) and two screens (widgets of
 * every kind, and a page of its own); {@code invalid} fails in {@code contribution()} with the payload in the reason,
 * which the admin page lists as the pilot's problem.
 */
public final class XssPilot implements BundleActivator, Pilot {

    /** Script in an element, an attribute break-out with an event handler, script URLs and a template expression. */
    public static final String PAYLOAD = "<script>window.pwned=1</script> \"><img src=x onerror=\"window.pwned=1\"> "
            + "'><svg onload=alert(1)> <a href=\"javascript:window.pwned=1\">klik</a> javascript:alert(1) "
            + "<iframe src=\"javascript:alert(1)\"></iframe> {{constructor.constructor('window.pwned=1')()}}";
    static final String REGION_NAME = "Regio " + PAYLOAD;
    static final String OPGAVE_TITLE = "Opgave " + PAYLOAD;
    static final String OPGAVE_DESCRIPTION = "Beschrijving " + PAYLOAD;
    static final String TREKKER = "Trekker " + PAYLOAD;
    static final String PARTNER = "Partner " + PAYLOAD;
    static final String KPI_NAME = "Indicator " + PAYLOAD;
    static final String UNIT = "eenheid " + PAYLOAD;
    static final String DEFINITION = "Definitie " + PAYLOAD;
    static final String SOURCE = "Bron " + PAYLOAD;
    static final String METHOD = "Methode " + PAYLOAD;
    static final String SCREEN_TITLE = "Scherm " + PAYLOAD;
    static final String PAGE_TITLE = "Pagina " + PAYLOAD;
    static final String TEXT_TITLE = "Tekst " + PAYLOAD;
    static final String TEXT = "Alinea " + PAYLOAD + "\n\nTweede alinea " + PAYLOAD;
    static final String TILE_TITLE = "Tegel " + PAYLOAD;
    static final String CHART_TITLE = "Grafiek " + PAYLOAD;
    static final String TABLE_TITLE = "Tabel " + PAYLOAD;
    static final String MAP_TITLE = "Kaart " + PAYLOAD;
    static final String BAD_CODE = "Code " + PAYLOAD;
    /** The ids (slugs: they cannot carry markup). */
    static final String KPI_SUFFIX = "-kpi";
    static final String STANDARD_CODE = "xss-standaard";
    static final String WIDGET_SCREEN = "overzicht";
    static final String PAGE_SCREEN = "eigen-pagina";

    private volatile String region;
    private volatile String mode;
    private volatile ServiceRegistration<Pilot> registration;

    @Override
    public void start(BundleContext context) throws IOException {
        Properties fixture = new Properties();
        try (InputStream in = XssPilot.class.getResourceAsStream("/fixture.properties")) {
            if (in == null) {
                throw new IOException("the pilot JAR has no /fixture.properties");
            }
            fixture.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        region = fixture.getProperty("region");
        mode = fixture.getProperty("mode", "valid");
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
        if ("invalid".equals(mode)) {
            // throws IllegalArgumentException naming the bad code, payload and all
            new Region(region, "Kapot", RegionKind.REGIO, List.of(BAD_CODE));
        }
        String kpiId = region + KPI_SUFFIX;
        Region contributed = new Region(region, REGION_NAME, RegionKind.REGIO, List.of("PV20"));
        Opgave opgave = new Opgave(region + "-opgave", region, OPGAVE_TITLE, Theme.ENERGIETRANSITIE, OPGAVE_DESCRIPTION,
                TREKKER, List.of(PARTNER));
        Kpi kpi = new Kpi(kpiId, region + "-opgave", KPI_NAME, UNIT, Direction.HIGHER_IS_BETTER,
                new DataPoint(LocalDate.of(2020, 1, 1), 0), List.of(new DataPoint(LocalDate.of(2030, 12, 31), 1000)),
                RollUp.SUM, STANDARD_CODE, new KpiMetadata(DEFINITION, SOURCE, METHOD));
        WidgetScreen widgets = new WidgetScreen(WIDGET_SCREEN, SCREEN_TITLE, List.of(
                new TextBlock(TEXT_TITLE, TEXT),
                new KpiTile(TILE_TITLE, kpiId),
                new KpiChart(CHART_TITLE, List.of(kpiId)),
                new KpiTable(TABLE_TITLE, List.of(kpiId)),
                new RegionMap(MAP_TITLE)));
        PageScreen page = new PageScreen(PAGE_SCREEN, PAGE_TITLE, "/web", "index.html");
        return new Contribution(contributed, List.of(opgave), List.of(kpi), List.of(widgets, page));
    }
}
