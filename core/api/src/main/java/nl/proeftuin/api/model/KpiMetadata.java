package nl.proeftuin.api.model;

import nl.proeftuin.api.internal.Checks;

/**
 * How a {@link Kpi} is defined and measured, shown beside the KPI so that readers in other regions
 * can judge whether figures are comparable. All components are plain text; {@code null} becomes
 * {@code ""}, meaning not stated.
 *
 * @param definition what exactly is counted, e.g. "homes with at least label B after work";
 *     never {@code null}
 * @param source where the figures come from, e.g. "RVO subsidy register"; never {@code null}
 * @param method how they are gathered or computed; never {@code null}
 */
public record KpiMetadata(String definition, String source, String method) {

    /** No metadata: all components empty. */
    public static final KpiMetadata NONE = new KpiMetadata("", "", "");

    /**
     * Normalises {@code null} components to {@code ""}.
     *
     * @param definition see {@link #definition()}
     * @param source see {@link #source()}
     * @param method see {@link #method()}
     */
    public KpiMetadata {
        definition = Checks.optionalText(definition);
        source = Checks.optionalText(source);
        method = Checks.optionalText(method);
    }
}
