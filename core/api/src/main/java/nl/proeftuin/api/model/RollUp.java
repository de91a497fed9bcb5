package nl.proeftuin.api.model;

/**
 * How values of a {@link Kpi} combine when the core adds up several regions (per
 * {@link Kpi#standardCode() standard indicator}) or several periods.
 */
public enum RollUp {
    /** Values add up, e.g. numbers of homes insulated. */
    SUM,
    /** The mean of the values is taken, e.g. percentages or satisfaction scores. */
    AVERAGE,
    /** The most recent value counts, e.g. a stock such as the number of vacancies on a date. */
    LAST
}
