package nl.proeftuin.web.internal.admin;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.proeftuin.security.AuditEntry;
import nl.proeftuin.security.AuditLog;
import nl.proeftuin.security.AuditQuery;
import nl.proeftuin.web.internal.api.Access;
import nl.proeftuin.web.internal.api.ApiException;
import nl.proeftuin.web.internal.api.ApiServlet;
import nl.proeftuin.web.internal.api.CurrentUser;
import nl.proeftuin.web.internal.api.Query;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /api/v1/audit?limit=&before=&actor=&action=}: the audit log, newest first, for admins, a page at a time;
 * {@code next} is the address of the following page. The log is read-only here: every write is answered 405.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("proeftuin-api-audit")
@HttpWhiteboardServletPattern("/api/v1/audit")
public final class AuditServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;
    /** Lines per page when {@code limit} is not given. */
    static final int DEFAULT_LIMIT = 100;

    private final transient AuditLog log;

    /**
     * One page of the audit log.
     *
     * @param entries the lines, newest first
     * @param next the address of the next (older) page, or null when this is the last
     */
    public record AuditPage(List<AuditEntry> entries, String next) {
    }

    /**
     * Creates the servlet.
     *
     * @param log the audit log
     */
    @Activate
    public AuditServlet(@Reference(name = "log") AuditLog log) {
        this.log = log;
    }

    @Override
    protected void handle(String method, String path, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new ApiException(405, "Method not allowed", method + " is not supported here: the audit log is "
                    + "read-only; use GET.", List.of()).withHeader("Allow", "GET, HEAD");
        }
        Access.requireAdmin(CurrentUser.require(request), "read the audit log");
        int limit = (int) Query.number(request, "limit", 1, AuditQuery.MAX_LIMIT, DEFAULT_LIMIT);
        long before = Query.number(request, "before", 1, Long.MAX_VALUE, 0);
        String actor = Query.text(request, "actor");
        String action = Query.text(request, "action");
        // one line more than asked tells whether there is a next page
        int fetch = Math.min(limit + 1, AuditQuery.MAX_LIMIT);
        List<AuditEntry> entries = log.entries(new AuditQuery(fetch, before == 0 ? null : before, actor, action));
        boolean more = entries.size() > limit || (fetch == limit && entries.size() == limit);
        List<AuditEntry> page = entries.size() > limit ? entries.subList(0, limit) : entries;
        String next = more && !page.isEmpty() ? nextPage(limit, page.get(page.size() - 1).id(), actor, action) : null;
        response.setHeader("Cache-Control", "no-store");
        json(response, new AuditPage(List.copyOf(page), next));
    }

    private static String nextPage(int limit, long before, String actor, String action) {
        StringBuilder next = new StringBuilder("/api/v1/audit?limit=").append(limit).append("&before=").append(before);
        if (actor != null) {
            next.append("&actor=").append(URLEncoder.encode(actor, StandardCharsets.UTF_8));
        }
        if (action != null) {
            next.append("&action=").append(URLEncoder.encode(action, StandardCharsets.UTF_8));
        }
        return next.toString();
    }
}
