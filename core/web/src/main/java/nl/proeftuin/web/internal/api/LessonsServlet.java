package nl.proeftuin.web.internal.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.proeftuin.api.model.Lesson;
import nl.proeftuin.api.model.Opgave;
import nl.proeftuin.api.model.Theme;
import nl.proeftuin.registry.Catalog;
import nl.proeftuin.registry.CatalogSnapshot;
import nl.proeftuin.security.AuditLog;
import nl.proeftuin.security.User;
import nl.proeftuin.store.LessonStore;
import nl.proeftuin.store.StoreException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /api/v1/lessons?region=&theme=}: the lessons (leerpunten) of every region, those shipped by pilots and
 * those entered by people; {@code POST} adds one.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("proeftuin-api-lessons")
@HttpWhiteboardServletPattern("/api/v1/lessons")
public final class LessonsServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final transient Catalog catalog;
    private final transient LessonStore store;
    private final transient EventAdmin events;
    private final transient AuditLog audit;

    /**
     * A lesson and where it comes from.
     *
     * @param lesson the lesson
     * @param origin {@code pilot} when shipped in a pilot bundle, {@code entered} when entered by a person
     */
    public record LessonView(Lesson lesson, String origin) {
    }

    /**
     * A new lesson as sent.
     *
     * @param regionId the region it belongs to
     * @param opgaveId the opgave, optional
     * @param theme the theme; defaults to the opgave's theme
     * @param title a short title
     * @param text the lesson itself, plain text
     * @param author who wrote it, optional
     */
    public record NewLesson(String regionId, String opgaveId, String theme, String title, String text, String author) {
    }

    /**
     * Creates the servlet.
     *
     * @param catalog the catalogue
     * @param store the lesson store
     * @param events where "data recorded" events go
     * @param audit where added lessons are written down, with who added them
     */
    @Activate
    public LessonsServlet(@Reference(name = "catalog") Catalog catalog, @Reference(name = "store") LessonStore store,
            @Reference(name = "events") EventAdmin events, @Reference(name = "audit") AuditLog audit) {
        this.catalog = catalog;
        this.store = store;
        this.events = events;
        this.audit = audit;
    }

    @Override
    protected void handle(String method, String path, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        switch (method) {
            case "GET", "HEAD" -> list(request, response);
            case "POST" -> add(request, response);
            default -> throw methodNotAllowed(method, "GET or POST");
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String region = Query.text(request, "region");
        String theme = Query.text(request, "theme");
        List<LessonView> all = new ArrayList<>();
        catalog.snapshot().lessons().forEach(l -> all.add(new LessonView(l, "pilot")));
        store.lessons().forEach(l -> all.add(new LessonView(l, "entered")));
        json(response, all.stream()
                .filter(v -> Query.matches(region, v.lesson().regionId()) && Query.matches(theme, v.lesson().theme().id()))
                .sorted(Comparator.comparing((LessonView v) -> v.lesson().date()).reversed())
                .toList());
    }

    private void add(HttpServletRequest request, HttpServletResponse response) throws IOException {
        User user = CurrentUser.require(request);
        Access.requireSomeEdit(user, "add lessons");
        NewLesson input;
        try {
            input = Json.MAPPER.readValue(request.getInputStream(), NewLesson.class);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("The JSON cannot be read: " + e.getOriginalMessage()
                    + ". Send {\"regionId\", \"opgaveId\", \"theme\", \"title\", \"text\", \"author\"}.");
        }
        if (input == null) {
            throw ApiException.badRequest("Send a lesson as a JSON object.");
        }
        if (input.regionId() != null && !input.regionId().isBlank()) {
            Access.requireEdit(user, input.regionId(), "add a lesson");
        }
        CatalogSnapshot snapshot = catalog.snapshot();
        List<String> errors = new ArrayList<>();
        if (input.regionId() == null || snapshot.region(input.regionId()).isEmpty()) {
            errors.add("regionId \"" + input.regionId() + "\" is not a region of an active pilot.");
        }
        Opgave opgave = null;
        if (input.opgaveId() != null && !input.opgaveId().isBlank()) {
            opgave = snapshot.opgave(input.opgaveId()).orElse(null);
            if (opgave == null || !opgave.regionId().equals(input.regionId())) {
                errors.add("opgaveId \"" + input.opgaveId() + "\" is not an opgave of region \"" + input.regionId() + "\".");
            }
        }
        String themeId = input.theme() != null && !input.theme().isBlank() ? input.theme().strip()
                : opgave != null ? opgave.theme().id() : null;
        if (themeId == null) {
            errors.add("theme is missing; give a theme (for example \"energietransitie\") or an opgaveId.");
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("The lesson cannot be added.", errors);
        }
        Lesson lesson;
        try {
            lesson = new Lesson(newId(input.title()), input.regionId(), opgave == null ? null : opgave.id(),
                    new Theme(themeId), input.title(), input.text(), input.author(), LocalDate.now());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        try {
            Lesson stored = store.add(lesson);
            audit.record(user.username(), AuditLog.LESSON_ADD, stored.id(), "region " + stored.regionId());
            events.postEvent(new Event("proeftuin/data/LESSON", Map.of("lessonId", stored.id(), "regionId", stored.regionId())));
            response.setHeader("Location", "/api/v1/lessons?region=" + stored.regionId());
            json(response, 201, new LessonView(stored, "entered"));
        } catch (StoreException e) {
            throw new ApiException(409, "Conflict", e.getMessage(), List.of());
        }
    }

    /** A readable, unique slug: the title's words and a random suffix. */
    static String newId(String title) {
        String base = title == null ? "" : Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (base.length() > 48) {
            base = base.substring(0, 48).replaceAll("-+$", "");
        }
        byte[] suffix = new byte[3];
        RANDOM.nextBytes(suffix);
        return (base.isEmpty() ? "leerpunt" : base) + "-" + HexFormat.of().formatHex(suffix);
    }
}
