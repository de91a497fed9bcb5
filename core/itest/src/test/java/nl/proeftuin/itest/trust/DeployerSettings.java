package nl.proeftuin.itest.trust;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The deployer's configuration (PID {@code nl.proeftuin.deployer}) changed through Configuration Admin, as an
 * administrator changes {@code conf/nl.proeftuin.deployer.cfg}, and put back as it was.
 */
final class DeployerSettings {

    static final String PID = "nl.proeftuin.deployer";

    private final Configuration configuration;
    private final Dictionary<String, Object> previous;

    private DeployerSettings(Configuration configuration, Dictionary<String, Object> previous) {
        this.configuration = configuration;
        this.previous = previous;
    }

    /** Remembers the current settings, to {@link #restore} them. */
    static DeployerSettings open(ConfigurationAdmin admin) {
        try {
            Configuration configuration = admin.getConfiguration(PID, "?");
            Dictionary<String, Object> current = configuration.getProperties();
            return new DeployerSettings(configuration, current == null ? null : copy(current));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sets some settings, keeping the others as they were before this test.
     *
     * @param settings key to value
     */
    void set(Map<String, Object> settings) {
        Dictionary<String, Object> changed = previous == null ? new Hashtable<>() : copy(previous);
        settings.forEach(changed::put);
        try {
            configuration.update(changed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts back the settings from before the test (none: the defaults). */
    void restore() {
        try {
            if (previous == null) {
                configuration.delete();
            } else {
                configuration.update(previous);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Dictionary<String, Object> copy(Dictionary<String, Object> source) {
        Hashtable<String, Object> copy = new Hashtable<>();
        for (String key : Collections.list(source.keys())) {
            copy.put(key, source.get(key));
        }
        copy.remove("service.pid");
        return copy;
    }
}
