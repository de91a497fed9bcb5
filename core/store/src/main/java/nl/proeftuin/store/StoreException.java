package nl.proeftuin.store;

/**
 * The store could not do what was asked: the database rejected the change, could not be
 * reached, or a value conflicts with one already stored (such as a duplicate lesson id).
 *
 * <p>The message is meant for a person (an administrator or the user who entered the data) and
 * says what was being done and why it failed; the cause, when there is one, is the underlying
 * database error. When a store method throws this exception, the call had no effect.
 *
 * <p>Instances are immutable once thrown and may be passed between threads.
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message and the error that caused it.
     *
     * @param message what was being done and why it failed, for a person to read
     * @param cause the underlying error, usually a {@link java.sql.SQLException}; may be
     *     {@code null}
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates an exception without an underlying error, for conflicts the store detects itself.
     *
     * @param message what was being done and why it failed, for a person to read
     */
    public StoreException(String message) {
        super(message);
    }
}
