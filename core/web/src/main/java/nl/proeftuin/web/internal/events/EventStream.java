package nl.proeftuin.web.internal.events;

import jakarta.servlet.AsyncContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nl.proeftuin.web.internal.api.Json;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;
import org.osgi.service.event.propertytypes.EventTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays the platform's events (bundles, contributions, data) to every connected server-sent-events client. Writes
 * happen on a thread of its own, so a slow client never holds up Event Admin.
 */
@Component(service = {EventStream.class, EventHandler.class})
@EventTopics({"proeftuin/bundle/*", "proeftuin/contribution/*", "proeftuin/data/*"})
public final class EventStream implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    private static final long KEEP_ALIVE_SECONDS = 15;

    private final Set<AsyncContext> clients = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "proeftuin-sse");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong ids = new AtomicLong();

    /** Starts the keep-alive that stops proxies from closing idle streams. */
    @Activate
    public EventStream() {
        writer.scheduleAtFixedRate(() -> broadcast(": keep-alive\n\n"), KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        writer.shutdownNow();
        clients.forEach(client -> {
            try {
                client.complete();
            } catch (IllegalStateException ignored) {
                // already completed
            }
        });
        clients.clear();
    }

    void add(AsyncContext client) {
        clients.add(client);
    }

    void remove(AsyncContext client) {
        clients.remove(client);
    }

    int clientCount() {
        return clients.size();
    }

    @Override
    public void handleEvent(Event event) {
        String[] parts = event.getTopic().split("/");
        if (parts.length < 3) {
            return;
        }
        Map<String, Object> data = new TreeMap<>();
        data.put("kind", parts[2]);
        for (String name : event.getPropertyNames()) {
            if (!name.equals("event.topics")) {
                data.put(name, event.getProperty(name));
            }
        }
        try {
            String frame = "id: " + ids.incrementAndGet() + "\nevent: " + parts[1] + "\ndata: "
                    + Json.MAPPER.writeValueAsString(data) + "\n\n";
            broadcast(frame);
        } catch (IOException e) {
            LOG.warn("Event {} cannot be written as JSON: {}", event.getTopic(), e.getMessage());
        }
    }

    private void broadcast(String frame) {
        if (writer.isShutdown()) {
            return;
        }
        writer.execute(() -> {
            byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
            for (AsyncContext client : clients) {
                try {
                    var out = client.getResponse().getOutputStream();
                    out.write(bytes);
                    out.flush();
                } catch (IOException | IllegalStateException gone) {
                    clients.remove(client);
                    try {
                        client.complete();
                    } catch (IllegalStateException ignored) {
                        // already completed
                    }
                }
            }
        });
    }
}
