package nl.proeftuin.store;

/**
 * What a call to {@link MeasurementStore#record(java.util.List, String)} changed.
 *
 * <p>Immutable; safe to share between threads.
 *
 * @param inserted how many (KPI, period) pairs had no value before the call and have one now
 * @param replaced how many values were replaced by a newer one; each replaced value was moved to
 *     the history, so nothing is lost. A pair given twice in one call counts as one insertion (or
 *     replacement) plus one replacement
 */
public record RecordResult(int inserted, int replaced) {

    /**
     * Checks the counts.
     *
     * @param inserted see {@link #inserted()}
     * @param replaced see {@link #replaced()}
     * @throws IllegalArgumentException if a count is negative
     */
    public RecordResult {
        if (inserted < 0 || replaced < 0) {
            throw new IllegalArgumentException(
                    "RecordResult: counts must not be negative, got inserted=" + inserted
                            + ", replaced=" + replaced);
        }
    }

    /**
     * The number of measurements the call stored, new and replacing ones together.
     *
     * @return {@code inserted() + replaced()}
     */
    public int total() {
        return inserted + replaced;
    }
}
