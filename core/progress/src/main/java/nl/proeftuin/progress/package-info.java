/**
 * Where a KPI stands against its targets: status, pace, projected date, and national roll-ups
 * per standard indicator and summaries per theme or region.
 *
 * <p>Everything here is pure computation on the {@link nl.proeftuin.api.model API model}: no
 * clock, no I/O, no state. The caller passes {@code today}, so the same input always gives the
 * same answer and the dashboard, exports and tests agree. Start at
 * {@link nl.proeftuin.progress.ProgressCalculator}, which documents the definitions.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package nl.proeftuin.progress;
