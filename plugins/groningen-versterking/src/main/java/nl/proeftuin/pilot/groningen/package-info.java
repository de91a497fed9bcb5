/**
 * The Groningen pilot: reinforcing (versterken) and making sustainable (verduurzamen) homes in the
 * earthquake area, all example data (<em>voorbeelddata</em>).
 *
 * <p>The bundle registers two services: the {@link nl.proeftuin.api.pilot.Pilot} {@link
 * nl.proeftuin.pilot.groningen.GroningenPilot} and the {@link nl.proeftuin.api.pilot.DataFeed}
 * {@link nl.proeftuin.pilot.groningen.GroningenAssessmentFeed}; and it ships a page of its own under
 * {@code /web}. The package is private to the bundle and uses the API bundle only.
 */
package nl.proeftuin.pilot.groningen;
