/**
 * The Zeeland pilot (proeftuin Zeeland): region, opgaven, KPIs, an overview screen, lessons and
 * initial measurements, all example data (<em>voorbeelddata</em>).
 *
 * <p>The package is private to the bundle: the only thing the platform sees is the
 * {@link nl.proeftuin.api.pilot.Pilot} service registered by {@link
 * nl.proeftuin.pilot.zeeland.ZeelandPilot}. It uses the API bundle only.
 */
package nl.proeftuin.pilot.zeeland;
