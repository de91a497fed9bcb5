/**
 * The Utrecht pilot: the aardgasvrije wijk Overvecht-Noord (Programma Aardgasvrije Wijken) and the
 * national pace of making homes sustainable, all example data (<em>voorbeelddata</em>).
 *
 * <p>The package is private to the bundle: the platform sees only the {@link
 * nl.proeftuin.api.pilot.Pilot} service registered by {@link nl.proeftuin.pilot.utrecht.UtrechtPilot}.
 * It uses the API bundle only.
 */
package nl.proeftuin.pilot.utrecht;
