/**
 * The catalogue of everything the active pilots contribute, for the other core bundles (web, store, deployer).
 * Pilots never use this package; they register {@link nl.proeftuin.api.pilot.Pilot} services instead.
 */
@Export
@Version("1.0.0")
package nl.proeftuin.registry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
