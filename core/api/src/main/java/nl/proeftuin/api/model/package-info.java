/**
 * The domain model a pilot contributes: its {@link nl.proeftuin.api.model.Region region}, the
 * {@link nl.proeftuin.api.model.Opgave opgaven} (societal challenges) it works on, the
 * {@link nl.proeftuin.api.model.Kpi KPIs} with baseline and targets that measure them,
 * {@link nl.proeftuin.api.model.Measurement measurements} and
 * {@link nl.proeftuin.api.model.Lesson lessons}.
 *
 * <p>All types here are immutable records and enums. Every record validates in its constructor
 * and throws {@link java.lang.IllegalArgumentException} (also for {@code null} where a value is
 * required) with a message naming the record, the component and the bad value. Lists are copied
 * and unmodifiable. References between records (an opgave's region, a KPI's opgave) are checked
 * by the core when it accepts a contribution, not by the records themselves.
 *
 * <p>Identifiers are <em>slugs</em>: lowercase letters and digits in groups joined by single
 * hyphens, 1 to 64 characters, e.g. {@code "homes-insulated"}. They are stable: the core stores
 * measurements under them, so renaming an id loses the link to its history.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package nl.proeftuin.api.model;
