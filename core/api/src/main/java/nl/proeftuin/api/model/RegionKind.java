package nl.proeftuin.api.model;

/**
 * The administrative kind of a {@link Region}. The constant names are the Dutch words, which are
 * the domain's own.
 */
public enum RegionKind {
    /** A province, e.g. Zeeland (CBS code {@code PV29}). */
    PROVINCIE,
    /** A municipality, e.g. Groningen (CBS code {@code GM0014}). */
    GEMEENTE,
    /**
     * A region that is not an administrative unit of its own, such as a group of municipalities
     * working together; its CBS codes, if any, list the areas it covers.
     */
    REGIO,
    /** A district within a municipality (CBS code {@code WK...}). */
    WIJK
}
