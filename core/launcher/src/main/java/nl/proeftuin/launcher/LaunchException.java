package nl.proeftuin.launcher;

/**
 * A start-up problem the user can act on. Its message is one line, printed as is (no stack trace),
 * and the process exits with {@link #exitCode()}.
 */
final class LaunchException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Bad configuration or arguments. */
    static final int CONFIG = 2;
    /** The home folder cannot be used. */
    static final int HOME = 3;
    /** The HTTP port cannot be used. */
    static final int PORT = 4;
    /** The platform itself failed to start. */
    static final int STARTUP = 5;

    private final int exitCode;

    LaunchException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    LaunchException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
