package nl.proeftuin.web.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import nl.proeftuin.web.internal.api.ApiServlet;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /api/health}: 200 with {@code status UP} while every core bundle is active and requests can be
 * authenticated (the security filter is registered: it waits for the database and the user directory, so an
 * active bundle alone does not mean logins work), 503 with {@code status DEGRADED} and what is missing otherwise. Needs no login: monitors and load balancers
 * call it.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("proeftuin-health")
@HttpWhiteboardServletPattern("/api/health")
public final class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient BundleContext context;
    private final String version;
    private final long startedMillis = System.currentTimeMillis();

    /** The security filter; without it every request that needs a login is refused, so the platform does not serve. */
    @Reference(service = Filter.class, target = "(osgi.http.whiteboard.filter.name=proeftuin-security)",
            cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Filter security;

    /**
     * Creates the servlet.
     *
     * @param context the web bundle's context, to read the bundles' states
     */
    @Activate
    public HealthServlet(BundleContext context) {
        this.context = context;
        String platformVersion = context.getProperty("proeftuin.version");
        this.version = platformVersion != null ? platformVersion : context.getBundle().getVersion().toString();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (!ApiServlet.refuseUnlessGet(request, response)) {
            super.service(request, response);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long uptime = (System.currentTimeMillis() - startedMillis) / 1000;
        List<String> unavailable = security == null ? List.of("logins (security filter)") : List.of();
        Health health = HealthCheck.evaluate(context.getBundles(), unavailable, version, uptime);
        response.setStatus(health.up() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        JSON.writeValue(response.getOutputStream(), health);
    }
}
