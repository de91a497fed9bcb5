/**
 * Trust in what is deployed: pilot JARs signed per region, bounds on what a JAR may hold (zip bombs, too many entries,
 * "zip slip" names), and the audit of changes made in {@code deploy/} by hand. Keys and certificates are made at test
 * time with the JDK; the deployer's settings are changed through Configuration Admin and put back afterwards.
 */
package nl.proeftuin.itest.trust;
