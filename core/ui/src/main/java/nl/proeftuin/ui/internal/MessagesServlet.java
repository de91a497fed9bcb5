package nl.proeftuin.ui.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** {@code /ui/i18n/nl.json} and {@code /ui/i18n/en.json}: the dashboard's texts, built from the resource bundles. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("proeftuin-ui-messages")
@HttpWhiteboardServletPattern("/ui/i18n/*")
public final class MessagesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, byte[]> cache = new ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String info = request.getPathInfo() == null ? "" : request.getPathInfo();
        String language = info.matches("/[a-z]{2}\\.json") ? info.substring(1, 3) : "";
        Optional<byte[]> body = Optional.ofNullable(cache.get(language)).or(() -> Messages.of(language)
                .map(texts -> Messages.json(language, texts).getBytes(StandardCharsets.UTF_8)));
        if (body.isEmpty()) {
            response.sendError(404);
            return;
        }
        cache.putIfAbsent(language, body.get());
        Headers.document(response, "application/json");
        response.setContentLength(body.get().length);
        response.getOutputStream().write(body.get());
    }
}
