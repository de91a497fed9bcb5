package nl.proeftuin.api.model;

import java.time.Instant;
import java.time.LocalDate;
import nl.proeftuin.api.internal.Checks;

/**
 * A measured value of a {@link Kpi} for a period.
 *
 * <p>A pilot creates measurements without {@code recordedBy} and {@code recordedAt} (both
 * {@code null}): the core stamps them when it stores the value. Measurements read back from the
 * core have both set.
 *
 * @param kpiId the {@link Kpi#id() id} of the KPI measured, a slug; never {@code null}
 * @param period the date the value refers to, e.g. the last day of the month for a monthly
 *     figure; never {@code null}
 * @param value the value, in the KPI's {@link Kpi#unit() unit}; a finite number
 * @param source where the value comes from, plain text; {@code null} becomes {@code ""}
 * @param recordedBy who recorded the value (a user name, or a feed or bundle name), non-blank;
 *     {@code null} if and only if {@code recordedAt} is {@code null}
 * @param recordedAt when the value was recorded; {@code null} if and only if {@code recordedBy}
 *     is {@code null}
 */
public record Measurement(String kpiId, LocalDate period, double value, String source,
        String recordedBy, Instant recordedAt) {

    /**
     * Validates the components and normalises the source.
     *
     * @param kpiId see {@link #kpiId()}
     * @param period see {@link #period()}
     * @param value see {@link #value()}
     * @param source see {@link #source()}
     * @param recordedBy see {@link #recordedBy()}
     * @param recordedAt see {@link #recordedAt()}
     * @throws IllegalArgumentException if a component is invalid, or only one of
     *     {@code recordedBy} and {@code recordedAt} is {@code null}
     */
    public Measurement {
        Checks.slug("Measurement", "kpiId", kpiId);
        Checks.notNull("Measurement", "period", period);
        Checks.finite("Measurement", "value", value);
        source = Checks.optionalText(source);
        if (recordedBy == null && recordedAt != null) {
            throw Checks.fail("Measurement", "recordedBy", "null while recordedAt is "
                    + recordedAt + " (set both, or leave both null for the core to stamp)");
        }
        if (recordedBy != null) {
            Checks.nonBlank("Measurement", "recordedBy", recordedBy);
            if (recordedAt == null) {
                throw Checks.fail("Measurement", "recordedAt", "null while recordedBy is "
                        + Checks.show(recordedBy)
                        + " (set both, or leave both null for the core to stamp)");
            }
        }
    }

    /**
     * Creates a measurement not yet recorded: the core stamps {@code recordedBy} and
     * {@code recordedAt} when it stores it.
     *
     * @param kpiId the id of the KPI measured, a slug
     * @param period the date the value refers to
     * @param value the value, a finite number
     * @param source where the value comes from; {@code null} becomes {@code ""}
     * @throws IllegalArgumentException if a component is invalid
     */
    public Measurement(String kpiId, LocalDate period, double value, String source) {
        this(kpiId, period, value, source, null, null);
    }
}
