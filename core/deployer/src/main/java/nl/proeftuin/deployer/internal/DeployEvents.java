package nl.proeftuin.deployer.internal;

import java.util.HashMap;
import java.util.Map;
import nl.proeftuin.deployer.Deployment;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Posts bundle events on the OSGi Event Admin, for the live dashboard: topics {@code proeftuin/bundle/INSTALLED},
 * {@code UPDATED}, {@code REMOVED} and {@code FAILED}.
 */
final class DeployEvents {

    static final String TOPIC_PREFIX = "proeftuin/bundle/";

    private final EventAdmin eventAdmin;

    DeployEvents(EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    void installed(Deployment deployment) {
        post("INSTALLED", deployment);
    }

    void updated(Deployment deployment) {
        post("UPDATED", deployment);
    }

    void removed(Deployment deployment) {
        post("REMOVED", deployment);
    }

    void failed(Deployment deployment) {
        post("FAILED", deployment);
    }

    private void post(String kind, Deployment deployment) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("fileName", deployment.fileName());
        putIfPresent(properties, "symbolicName", deployment.symbolicName());
        putIfPresent(properties, "version", deployment.version());
        putIfPresent(properties, "region", deployment.region());
        properties.put("state", deployment.state().name());
        properties.put("problems", deployment.problems().toArray(String[]::new));
        eventAdmin.postEvent(new Event(TOPIC_PREFIX + kind, properties));
    }

    private static void putIfPresent(Map<String, Object> properties, String key, Object value) {
        if (value != null) {
            properties.put(key, value);
        }
    }
}
