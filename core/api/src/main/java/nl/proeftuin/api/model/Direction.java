package nl.proeftuin.api.model;

/** Which way a {@link Kpi} should move for things to improve. */
public enum Direction {
    /** A higher value is better, e.g. homes insulated. */
    HIGHER_IS_BETTER,
    /** A lower value is better, e.g. CO2 emissions or waiting time. */
    LOWER_IS_BETTER;

    /**
     * The sign of improvement: multiply a change in value by it to get a change in quality.
     *
     * @return {@code +1} for {@link #HIGHER_IS_BETTER}, {@code -1} for {@link #LOWER_IS_BETTER}
     */
    public int sign() {
        return this == HIGHER_IS_BETTER ? 1 : -1;
    }
}
