/**
 * The services a pilot bundle registers: a {@link nl.proeftuin.api.pilot.Pilot} that hands the
 * core its {@link nl.proeftuin.api.pilot.Contribution contribution} (region, opgaven, KPIs,
 * screens, lessons and initial data), and optionally one or more
 * {@link nl.proeftuin.api.pilot.DataFeed data feeds} that the core polls for new measurements.
 *
 * <p>A pilot bundle declares its region in the {@value nl.proeftuin.api.pilot.Pilot#REGION_HEADER}
 * manifest header and may contribute only to that region. The core calls these services on its
 * own threads, contains any exception or hang, and reports it in the admin screen; a pilot never
 * brings down the core or other pilots.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package nl.proeftuin.api.pilot;
