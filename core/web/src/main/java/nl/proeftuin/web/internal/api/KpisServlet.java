package nl.proeftuin.web.internal.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.proeftuin.api.model.Kpi;
import nl.proeftuin.api.model.Measurement;
import nl.proeftuin.api.model.Opgave;
import nl.proeftuin.registry.Catalog;
import nl.proeftuin.registry.CatalogSnapshot;
import nl.proeftuin.security.AuditLog;
import nl.proeftuin.security.User;
import nl.proeftuin.store.MeasurementStore;
import nl.proeftuin.store.RecordResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /api/v1/kpis?region=&opgave=&theme=&standardCode=}, {@code /api/v1/kpis/{id}}, and its measurements:
 * {@code GET|POST /api/v1/kpis/{id}/measurements} (JSON, or CSV with header {@code period,value,source}) and
 * {@code GET /api/v1/kpis/{id}/measurements.csv}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("proeftuin-api-kpis")
@HttpWhiteboardServletPattern({"/api/v1/kpis", "/api/v1/kpis/*"})
public final class KpisServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    private final transient Catalog catalog;
    private final transient Dashboard dashboard;
    private final transient MeasurementStore store;
    private final transient EventAdmin events;
    private final transient AuditLog audit;

    /**
     * The answer to recording measurements.
     *
     * @param kpiId the KPI
     * @param inserted how many periods got their first value
     * @param replaced how many periods had a value that was replaced (the old one is kept in the history)
     */
    public record Recorded(String kpiId, int inserted, int replaced) {
    }

    /**
     * Creates the servlet.
     *
     * @param catalog the catalogue
     * @param dashboard the progress model
     * @param store the measurement store
     * @param events where "data recorded" events go
     * @param audit where recorded measurements are written down, with who recorded them
     */
    @Activate
    public KpisServlet(@Reference(name = "catalog") Catalog catalog, @Reference(name = "dashboard") Dashboard dashboard,
            @Reference(name = "store") MeasurementStore store, @Reference(name = "events") EventAdmin events,
            @Reference(name = "audit") AuditLog audit) {
        this.catalog = catalog;
        this.dashboard = dashboard;
        this.store = store;
        this.events = events;
        this.audit = audit;
    }

    @Override
    protected void handle(String method, String path, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        CatalogSnapshot snapshot = catalog.snapshot();
        if (path.isEmpty()) {
            requireRead(method);
            list(snapshot, request, response);
            return;
        }
        String[] parts = path.split("/");
        Kpi kpi = snapshot.kpi(parts[0])
                .orElseThrow(() -> ApiException.notFound("No KPI \"" + parts[0] + "\" is contributed by an active pilot."));
        if (parts.length == 1) {
            requireRead(method);
            json(response, dashboard.kpi(snapshot, kpi));
        } else if (parts.length == 2 && parts[1].equals("measurements")) {
            switch (method) {
                case "GET", "HEAD" -> json(response, store.measurements(kpi.id(), Query.date(request, "from"), Query.date(request, "to")));
                case "POST" -> record(snapshot, kpi, request, response);
                default -> throw methodNotAllowed(method, "GET or POST");
            }
        } else if (parts.length == 2 && parts[1].equals("measurements.csv")) {
            requireRead(method);
            csv(kpi, request, response);
        } else {
            throw ApiException.notFound("No KPI endpoint " + request.getRequestURI() + ".");
        }
    }

    private static void requireRead(String method) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw methodNotAllowed(method, "GET");
        }
    }

    private void list(CatalogSnapshot snapshot, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String region = Query.text(request, "region");
        String opgave = Query.text(request, "opgave");
        String theme = Query.text(request, "theme");
        String code = Query.text(request, "standardCode");
        Map<String, KpiView> withProgress = new java.util.HashMap<>();
        dashboard.overview().kpis().forEach(view -> withProgress.put(view.id(), view));
        List<KpiView> kpis = snapshot.kpis().stream()
                .filter(k -> Query.matches(opgave, k.opgaveId()) && Query.matches(code, k.standardCode()))
                .filter(k -> {
                    Opgave o = snapshot.opgave(k.opgaveId()).orElseThrow();
                    return Query.matches(region, o.regionId()) && Query.matches(theme, o.theme().id());
                })
                .map(k -> withProgress.containsKey(k.id()) ? withProgress.get(k.id()) : dashboard.kpi(snapshot, k))
                .toList();
        json(response, kpis);
    }

    private void record(CatalogSnapshot snapshot, Kpi kpi, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        User user = CurrentUser.require(request);
        String region = snapshot.opgave(kpi.opgaveId()).map(Opgave::regionId).orElse(null);
        Access.requireEdit(user, region, "record measurements of KPI \"" + kpi.id() + "\"");
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        List<Measurement> measurements;
        if (type.startsWith("text/csv") || type.startsWith("text/plain")) {
            String charset = request.getCharacterEncoding() != null ? request.getCharacterEncoding() : "UTF-8";
            measurements = MeasurementInput.fromCsv(kpi.id(), new InputStreamReader(request.getInputStream(), charset));
        } else if (type.startsWith("application/json")) {
            List<MeasurementInput.Row> rows;
            try {
                rows = Json.MAPPER.readValue(request.getInputStream(), new TypeReference<List<MeasurementInput.Row>>() { });
            } catch (JsonProcessingException e) {
                throw ApiException.badRequest("The JSON cannot be read: " + e.getOriginalMessage()
                        + ". Send a list like [{\"period\": \"2025-03\", \"value\": 120, \"source\": \"CBS\"}].");
            }
            if (rows == null) {
                throw ApiException.badRequest("Send a JSON list of measurements.");
            }
            measurements = MeasurementInput.fromRows(kpi.id(), rows);
        } else {
            throw new ApiException(415, "Unsupported media type", "Send measurements as text/csv (header period,value,source) "
                    + "or application/json; got \"" + type + "\".", List.of());
        }
        RecordResult result = store.record(measurements, user.username());
        audit.record(user.username(), AuditLog.MEASUREMENTS_RECORD, kpi.id(), measurements.size() + " rows ("
                + result.inserted() + " new, " + result.replaced() + " replaced)");
        dashboard.dataChanged();
        events.postEvent(new Event("proeftuin/data/RECORDED", Map.of("kpiId", kpi.id(), "count", measurements.size())));
        json(response, 200, new Recorded(kpi.id(), result.inserted(), result.replaced()));
    }

    private void csv(Kpi kpi, HttpServletRequest request, HttpServletResponse response) throws IOException {
        LocalDate from = Query.date(request, "from");
        LocalDate to = Query.date(request, "to");
        List<Measurement> rows = store.measurements(kpi.id(), from, to);
        response.setContentType("text/csv");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + kpi.id() + ".csv\"");
        Writer writer = new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
                .setHeader("period", "value", "source", "recordedBy", "recordedAt").get())) {
            for (Measurement m : rows) {
                printer.printRecord(m.period(), plain(m.value()), m.source(), m.recordedBy(), m.recordedAt());
            }
        }
    }

    /** 1000.0 as 1000: the file should read as the numbers people entered. */
    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }
}
