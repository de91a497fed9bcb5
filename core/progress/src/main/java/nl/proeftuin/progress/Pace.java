package nl.proeftuin.progress;

/**
 * A rate of change of a KPI's value over time.
 *
 * <p>The unit is the KPI's {@link nl.proeftuin.api.model.Kpi#unit() unit} per day: for a KPI in
 * "woningen" a pace of {@code 2.5} means 2.5 homes more every day. A positive pace means the
 * value rises, whichever direction is better; multiply by
 * {@link nl.proeftuin.api.model.Direction#sign()} to see whether that is an improvement.
 *
 * @param perDay the change in value per calendar day, in the KPI's unit per day; finite
 */
public record Pace(double perDay) {

    /** Average days in a calendar year, counting leap years (Julian year). */
    private static final double DAYS_PER_YEAR = 365.25;

    /**
     * Validates the rate.
     *
     * @param perDay see {@link #perDay()}
     * @throws IllegalArgumentException if {@code perDay} is NaN or infinite
     */
    public Pace {
        if (!Double.isFinite(perDay)) {
            throw new IllegalArgumentException("Pace.perDay: " + perDay + " is not a finite number");
        }
    }

    /**
     * The same pace per year, for display ("4,200 woningen per jaar").
     *
     * @return the change in value per year of 365.25 days, in the KPI's unit per year
     */
    public double perYear() {
        return perDay * DAYS_PER_YEAR;
    }

    /**
     * The same pace per month, for display.
     *
     * @return the change in value per average month (365.25 / 12 days), in the KPI's unit per
     *     month
     */
    public double perMonth() {
        return perDay * DAYS_PER_YEAR / 12;
    }
}
