/**
 * The ${regionName} pilot. The package is private to the bundle: the platform sees only the
 * {@link nl.proeftuin.api.pilot.Pilot} service that {@link ${package}.RegionalPilot} registers.
 */
package ${package};
