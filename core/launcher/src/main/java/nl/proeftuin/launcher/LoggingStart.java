package nl.proeftuin.launcher;

import org.slf4j.LoggerFactory;

/**
 * Sets up logging (SLF4J with Logback, configured by {@code conf/logback.xml}) on a thread of its own, while the
 * launcher prepares the framework: reading the configuration costs a few hundred milliseconds of a start, and the
 * framework's first steps log nothing.
 *
 * <p>Thread safety: {@link #begin()} and {@link #await()} are called by the thread that starts the platform. Code
 * that logs before {@link #await()} returned is still safe (SLF4J hands out loggers that catch up once logging is
 * ready), but the launcher avoids it so that no message is replayed late.
 */
final class LoggingStart {

    private final Thread thread;

    private LoggingStart(Thread thread) {
        this.thread = thread;
    }

    /**
     * Starts configuring logging in the background. The system properties that Logback reads must be set before.
     *
     * @return the running set-up, to {@link #await()} before anything logs
     */
    static LoggingStart begin() {
        Thread thread = new Thread(LoggerFactory::getILoggerFactory, "proeftuin-logging-start");
        thread.setDaemon(true);
        thread.start();
        return new LoggingStart(thread);
    }

    /** Waits until logging is configured (or failed to be: Logback then reports on the console by itself). */
    void await() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // finish waiting: the start goes on, and the caller sees the interrupt
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
