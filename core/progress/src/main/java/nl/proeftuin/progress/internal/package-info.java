/**
 * Helpers of the progress bundle: trajectory interpolation, duplicate resolution, trend
 * regression and roll-up combination. Private to the bundle (not exported); other bundles use
 * {@link nl.proeftuin.progress.ProgressCalculator}.
 */
package nl.proeftuin.progress.internal;
