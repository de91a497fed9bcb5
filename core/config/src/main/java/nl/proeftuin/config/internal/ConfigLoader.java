package nl.proeftuin.config.internal;

import java.io.IOException;
import java.nio.file.Path;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start (start level 1, before Declarative Services), puts every {@code conf/*.cfg} file into Configuration
 * Admin, so that each component starts once, with its settings. A file without active lines is skipped: the
 * component keeps its documented defaults.
 */
public final class ConfigLoader implements BundleActivator {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);

    @Override
    public void start(BundleContext context) throws IOException {
        String conf = context.getProperty("proeftuin.conf");
        if (conf == null) {
            return;
        }
        ServiceReference<ConfigurationAdmin> reference = context.getServiceReference(ConfigurationAdmin.class);
        if (reference == null) {
            LOG.error("Configuration Admin is not running; the settings in {} are not applied", conf);
            return;
        }
        ConfigurationAdmin admin = context.getService(reference);
        try {
            for (ConfigFiles.ConfigFile file : ConfigFiles.read(Path.of(conf))) {
                if (file.properties().isEmpty()) {
                    continue;
                }
                Configuration configuration = file.name() == null
                        ? admin.getConfiguration(file.pid(), "?")
                        : admin.getFactoryConfiguration(file.pid(), file.name(), "?");
                configuration.updateIfDifferent(file.properties());
                LOG.info("Settings of {} applied from {}", file.pid(), file.file().getFileName());
            }
        } finally {
            context.ungetService(reference);
        }
    }

    @Override
    public void stop(BundleContext context) {
        // configurations stay; the framework cache is cleared at the next start anyway
    }
}
