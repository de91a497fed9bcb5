/**
 * What became of the pilots' data feeds, for the admin screen and the API.
 */
@Export
@Version("1.0.0")
package nl.proeftuin.feeds;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
