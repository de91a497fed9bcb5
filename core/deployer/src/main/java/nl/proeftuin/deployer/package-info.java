/**
 * Hot deployment of pilot bundles, for the other core bundles (web, admin screen). The folder {@code deploy/} is
 * the single truth: a JAR there runs, a JAR removed from it is uninstalled; uploads land in it atomically.
 */
@Export
@Version("1.0.0")
package nl.proeftuin.deployer;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
