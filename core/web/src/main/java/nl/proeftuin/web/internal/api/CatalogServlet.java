package nl.proeftuin.web.internal.api;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import nl.proeftuin.api.model.Kpi;
import nl.proeftuin.api.model.Opgave;
import nl.proeftuin.api.model.Region;
import nl.proeftuin.api.screen.Screen;
import nl.proeftuin.registry.Catalog;
import nl.proeftuin.registry.CatalogSnapshot;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Read access to what the pilots contribute: {@code /api/v1/regions}, {@code /api/v1/regions/{id}} and
 * {@code /api/v1/opgaven?region=&theme=}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("proeftuin-api-catalog")
@HttpWhiteboardServletPattern({"/api/v1/regions", "/api/v1/regions/*", "/api/v1/opgaven"})
public final class CatalogServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    private final transient Catalog catalog;
    private final transient Dashboard dashboard;

    /**
     * A region with everything it contributes.
     *
     * @param region the region
     * @param exampleData true when its pilot marks its data as illustrative
     * @param opgaven its opgaven
     * @param kpis its KPIs with progress
     * @param screens the screens its pilot contributes
     */
    public record RegionDetail(Region region, boolean exampleData, List<Opgave> opgaven, List<KpiView> kpis,
            List<Screen> screens) {
    }

    /**
     * Creates the servlet.
     *
     * @param catalog the catalogue
     * @param dashboard the progress model
     */
    @Activate
    public CatalogServlet(@Reference(name = "catalog") Catalog catalog, @Reference(name = "dashboard") Dashboard dashboard) {
        this.catalog = catalog;
        this.dashboard = dashboard;
    }

    @Override
    protected void handle(String method, String path, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw methodNotAllowed(method, "GET");
        }
        CatalogSnapshot snapshot = catalog.snapshot();
        if (request.getServletPath().equals("/api/v1/opgaven")) {
            String region = Query.text(request, "region");
            String theme = Query.text(request, "theme");
            json(response, snapshot.opgaven().stream()
                    .filter(o -> Query.matches(region, o.regionId()) && Query.matches(theme, o.theme().id())).toList());
        } else if (path.isEmpty()) {
            json(response, snapshot.regions());
        } else {
            Region region = snapshot.region(path)
                    .orElseThrow(() -> ApiException.notFound("No region \"" + path + "\" is contributed by an active pilot."));
            List<Opgave> opgaven = snapshot.opgaven().stream().filter(o -> o.regionId().equals(region.id())).toList();
            List<String> opgaveIds = opgaven.stream().map(Opgave::id).toList();
            List<KpiView> kpis = snapshot.kpis().stream().filter(k -> opgaveIds.contains(k.opgaveId()))
                    .map((Kpi k) -> dashboard.kpi(snapshot, k)).toList();
            json(response, new RegionDetail(region, Dashboard.exampleRegions(snapshot).contains(region.id()), opgaven,
                    kpis, snapshot.screens(region.id())));
        }
    }
}
