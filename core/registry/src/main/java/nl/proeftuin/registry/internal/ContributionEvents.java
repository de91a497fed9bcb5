package nl.proeftuin.registry.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import nl.proeftuin.registry.PilotStatus;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Tells what changed between two catalogue states, as Event Admin events on {@code proeftuin/contribution/ADDED},
 * {@code CHANGED} and {@code REMOVED}, one per pilot.
 */
final class ContributionEvents {

    static final String TOPIC_PREFIX = "proeftuin/contribution/";

    private ContributionEvents() {
    }

    static void post(EventAdmin eventAdmin, Snapshot previous, Snapshot next) {
        if (eventAdmin == null) {
            return;
        }
        Map<Long, PilotStatus> before = byBundle(previous);
        Map<Long, PilotStatus> after = byBundle(next);
        for (PilotStatus now : after.values()) {
            PilotStatus then = before.get(now.bundleId());
            if (then == null) {
                eventAdmin.postEvent(event("ADDED", now, next.revision()));
            } else if (!Objects.equals(then, now)) {
                eventAdmin.postEvent(event("CHANGED", now, next.revision()));
            }
        }
        for (PilotStatus gone : before.values()) {
            if (!after.containsKey(gone.bundleId())) {
                eventAdmin.postEvent(event("REMOVED", gone, next.revision()));
            }
        }
    }

    private static Map<Long, PilotStatus> byBundle(Snapshot snapshot) {
        Map<Long, PilotStatus> map = new HashMap<>();
        snapshot.pilots().forEach(p -> map.put(p.bundleId(), p));
        return map;
    }

    private static Event event(String kind, PilotStatus pilot, long revision) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("symbolicName", pilot.symbolicName());
        properties.put("version", pilot.version());
        if (pilot.declaredRegion() != null) {
            properties.put("region", pilot.declaredRegion());
        }
        properties.put("accepted", pilot.accepted());
        properties.put("problems", pilot.problems().toArray(String[]::new));
        properties.put("revision", revision);
        return new Event(TOPIC_PREFIX + kind, properties);
    }
}
