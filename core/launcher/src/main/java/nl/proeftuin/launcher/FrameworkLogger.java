package nl.proeftuin.launcher;

import org.apache.felix.framework.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.slf4j.LoggerFactory;

/** Sends the Felix framework's own messages (resolver errors, bundle exceptions) to SLF4J instead of stdout. */
final class FrameworkLogger extends Logger {

    private final org.slf4j.Logger log = LoggerFactory.getLogger("org.apache.felix.framework");

    @Override
    protected void doLog(Bundle bundle, ServiceReference sr, int level, String msg, Throwable throwable) {
        String text = bundle == null ? msg : "[" + bundle.getSymbolicName() + "] " + msg;
        switch (level) {
            case LOG_ERROR -> log.error(text, throwable);
            case LOG_WARNING -> log.warn(text, throwable);
            case LOG_INFO -> log.info(text, throwable);
            default -> log.debug(text, throwable);
        }
    }
}
