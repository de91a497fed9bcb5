package nl.proeftuin.api.pilot;

import java.util.List;
import nl.proeftuin.api.internal.Checks;
import nl.proeftuin.api.model.Kpi;
import nl.proeftuin.api.model.Lesson;
import nl.proeftuin.api.model.Measurement;
import nl.proeftuin.api.model.Opgave;
import nl.proeftuin.api.model.Region;
import nl.proeftuin.api.screen.Screen;

/**
 * Everything a {@link Pilot} contributes, accepted or refused by the core as a whole.
 *
 * <p>The constructor checks only that the components are present and the lists free of
 * {@code null}; each element has validated itself. References between the elements (an opgave's
 * region, a KPI's opgave, a widget's KPI, unique ids) are checked by the core's registry when it
 * receives the contribution, so that it can list every problem at once rather than stop at the
 * first.
 *
 * @param region the region contributed to; its id must match the bundle's
 *     {@value Pilot#REGION_HEADER} header; never {@code null}
 * @param opgaven the opgaven of the region; unmodifiable, never {@code null}, may be empty
 * @param kpis the KPIs of those opgaven; unmodifiable, never {@code null}, may be empty
 * @param screens the screens, in navigation order; unmodifiable, never {@code null}, may be
 *     empty
 * @param lessons the lessons learned; unmodifiable, never {@code null}, may be empty
 * @param initialMeasurements measurements shipped with the bundle, each with {@code recordedBy}
 *     and {@code recordedAt} {@code null}; the core imports them once, idempotently (deploying
 *     the bundle again does not duplicate them); unmodifiable, never {@code null}, may be empty
 * @param exampleData {@code true} if the contribution is illustrative data
 *     (<em>voorbeelddata</em>) rather than real figures; the dashboard then labels it as such
 */
public record Contribution(Region region, List<Opgave> opgaven, List<Kpi> kpis,
        List<Screen> screens, List<Lesson> lessons, List<Measurement> initialMeasurements,
        boolean exampleData) {

    /**
     * Checks presence and copies the lists; see the type's documentation for what is checked
     * later by the core.
     *
     * @param region see {@link #region()}
     * @param opgaven see {@link #opgaven()}
     * @param kpis see {@link #kpis()}
     * @param screens see {@link #screens()}
     * @param lessons see {@link #lessons()}
     * @param initialMeasurements see {@link #initialMeasurements()}
     * @param exampleData see {@link #exampleData()}
     * @throws IllegalArgumentException if {@code region} or a list is {@code null}, or a list has
     *     a {@code null} element
     */
    public Contribution {
        Checks.notNull("Contribution", "region", region);
        opgaven = Checks.list("Contribution", "opgaven", opgaven);
        kpis = Checks.list("Contribution", "kpis", kpis);
        screens = Checks.list("Contribution", "screens", screens);
        lessons = Checks.list("Contribution", "lessons", lessons);
        initialMeasurements = Checks.list("Contribution", "initialMeasurements",
                initialMeasurements);
    }

    /**
     * Creates a contribution of real data without lessons or initial measurements.
     *
     * @param region the region contributed to
     * @param opgaven the opgaven of the region
     * @param kpis the KPIs of those opgaven
     * @param screens the screens, in navigation order
     * @throws IllegalArgumentException if {@code region} or a list is {@code null}, or a list has
     *     a {@code null} element
     */
    public Contribution(Region region, List<Opgave> opgaven, List<Kpi> kpis,
            List<Screen> screens) {
        this(region, opgaven, kpis, screens, List.of(), List.of(), false);
    }
}
